import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';
import { ESLint, Linter } from 'eslint';

/*
 * The lint rule that keeps plugins on the SDK (eslint.config.js): read from the repository's
 * real configuration for a plugin's source file, then run on imports a plugin might write.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('A plugin’s imports, as the repository’s lint configuration judges them', function () {
  this.timeout(60_000);
  let importRule: Linter.RuleEntry | undefined;

  before(async () => {
    const eslint = new ESLint({ cwd: root });
    const config = (await eslint.calculateConfigForFile(
      join(root, 'plugins/notifications/src/server/plugin.ts'),
    )) as Linter.Config;
    importRule = config.rules?.['no-restricted-imports'];
  });

  const problemsIn = (source: string): string[] => {
    const linter = new Linter({ configType: 'flat' });
    return linter
      .verify(source, [
        {
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          rules: { 'no-restricted-imports': importRule! },
        },
      ])
      .map((message) => message.message);
  };

  it('applies an import rule to plugins’ files', () => {
    expect(importRule, 'no-restricted-imports').to.not.equal(undefined);
  });

  it('lets a plugin import the SDK, its entry points, its own files and its dependencies', () => {
    expect(
      problemsIn(
        [
          "import { definePlugin } from '@preau/sdk';",
          "import { PreauWidget } from '@preau/sdk/widget';",
          "import { startPluginTest } from '@preau/sdk/testing';",
          "import { store } from '../server/store.js';",
          "import manifest from '../../manifest.json';",
          "import { html } from 'lit';",
        ].join('\n'),
      ),
    ).to.deep.equal([]);
  });

  for (const [what, line, says] of [
    ['core', "import { open } from '@preau/core';", 'n’importe pas le cœur'],
    ['core’s test harness', "import { startTestCore } from '@preau/core/testing';", 'cœur'],
    ['another plugin', "import x from '@preau/plugin-recherche';", 'un autre plugin'],
    ['another plugin’s files', "import x from '@preau/plugin-aide/dist/src/a.js';", 'autre plugin'],
    ['the SDK by a path', "import x from '../../../../sdk/src/index.js';", 'nom de paquet'],
    ['core by a path', "import x from '../../../core/dist/src/server.js';", 'nom de paquet'],
    ['a file outside the plugin', "import x from '../../../aide/src/pages.js';", 'sort du dossier'],
  ] as const) {
    it(`refuses an import of ${what}, saying why`, () => {
      const problems = problemsIn(line);
      expect(problems, line).to.not.deep.equal([]);
      expect(problems.join('\n')).to.contain(says);
    });
  }
});
