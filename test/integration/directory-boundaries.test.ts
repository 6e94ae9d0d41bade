import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';
import { ESLint, Linter } from 'eslint';

/*
 * The lint rule that keeps the directory's tables inside core/src/directory/ (eslint.config.js,
 * ADR 0018), read from the repository's real configuration and run on code a part of core
 * might write.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('SQL on the directory’s tables, as the repository’s lint configuration judges it', function () {
  this.timeout(60_000);
  const ruleFor = async (file: string): Promise<Linter.RuleEntry | undefined> => {
    const eslint = new ESLint({ cwd: root });
    const config = (await eslint.calculateConfigForFile(join(root, file))) as Linter.Config;
    return config.rules?.['no-restricted-syntax'];
  };
  let outside: Linter.RuleEntry | undefined;

  before(async () => {
    outside = await ruleFor('core/src/identity/login.ts');
  });

  const problemsIn = (source: string): string[] =>
    new Linter({ configType: 'flat' })
      .verify(source, [
        {
          languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
          rules: { 'no-restricted-syntax': outside! },
        },
      ])
      .map((message) => message.message);

  it('lets the directory’s own files query its tables', async () => {
    expect(await ruleFor('core/src/directory/queries.ts')).to.equal(undefined);
  });

  it('lets the rest of core query its own tables and call the directory', () => {
    expect(
      problemsIn(
        [
          "await knex('sessions').where('id', id).first();",
          "await trx('plugin_enablements').insert(rows);",
          "await sql.all('SELECT plugin_id FROM plugin_enablements WHERE ecole_id = ?', [id]);",
          'await accountByLogin(sql, login);',
          "program.command('accounts');",
        ].join('\n'),
      ),
    ).to.deep.equal([]);
  });

  for (const line of [
    "await knex('memberships').where('person_id', id);",
    "await ctx.knex('ecoles').whereIn('id', ids);",
    "await trx('accounts').update({ password_hash: hash });",
    "await knex('sessions').join('people as p', 'p.id', 'sessions.person_id');",
    "await sql.first('SELECT login FROM accounts WHERE person_id = ?', [id]);",
    'await sql.all(`SELECT e.name FROM memberships m JOIN ecoles e ON e.id = m.ecole_id`);',
  ]) {
    it(`refuses ${line.slice(6, 60)}…, saying where the query belongs`, () => {
      const problems = problemsIn(line);
      expect(problems, line).to.not.deep.equal([]);
      expect(problems[0]).to.contain('core/src/directory/');
    });
  }
});
