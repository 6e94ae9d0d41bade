// The SDK's public surface, one API Extractor report per entry point of package.json "exports",
// compared with the reports checked in under sdk/api/ (`--check`) or rewritten there (`--update`).
// Runs on the built declarations: `npm run build` first.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const ENTRIES = [
  { report: 'preau-sdk', declarations: 'dist/src/index.d.ts' },
  { report: 'preau-sdk-widget', declarations: 'dist/src/widget/index.d.ts' },
  { report: 'preau-sdk-testing', declarations: 'dist/src/testing/index.d.ts' },
];

const mode = process.argv[2];
if (mode !== '--check' && mode !== '--update') {
  console.error('Usage: node scripts/api-report.mjs --check | --update');
  process.exit(2);
}

const sdkFolder = fileURLToPath(new URL('..', import.meta.url));
const changed = [];
let failed = false;
if (mode === '--update') mkdirSync(`${sdkFolder}api`, { recursive: true });

for (const entry of ENTRIES) {
  const config = ExtractorConfig.prepare({
    configObject: configFor(entry),
    configObjectFullPath: undefined,
    packageJsonFullPath: `${sdkFolder}package.json`,
  });
  const result = Extractor.invoke(config, {
    localBuild: mode === '--update',
    messageCallback: (message) => {
      // Only errors are worth a line; the report itself carries the rest.
      if (message.logLevel !== 'error') message.handled = true;
    },
  });
  if (result.apiReportChanged) changed.push(`sdk/api/${entry.report}.api.md`);
  // In a check, a changed report is the one failure explained below; anything else is an error
  // API Extractor has already printed.
  if (!result.succeeded && !(mode === '--check' && result.apiReportChanged)) failed = true;
}

if (mode === '--check' && changed.length > 0) {
  console.error(
    [
      '',
      `The public API of @preau/sdk differs from ${changed.join(', ')}.`,
      'If the change is intended: run `npm run api:update -w @preau/sdk`, review the diff of the',
      'report, commit it, and add a changeset (`npx changeset`) whose bump matches the change:',
      'minor for an addition to the plugin API, major for a removal or a changed signature.',
      'The report as built now is in sdk/dist/api/. Otherwise, undo the change to the exported',
      'declarations.',
    ].join('\n'),
  );
  process.exit(1);
}
if (failed) process.exit(1);
if (mode === '--update') {
  console.log(
    changed.length > 0 ? `Updated ${changed.join(', ')}.` : 'The API reports are up to date.',
  );
}

function configFor({ report, declarations }) {
  return {
    projectFolder: sdkFolder,
    mainEntryPointFilePath: `<projectFolder>/${declarations}`,
    compiler: {
      // Only what resolving the built declarations needs: no sources, no tests.
      overrideTsconfig: {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: true,
        },
        files: [`./${declarations}`],
      },
    },
    apiReport: {
      enabled: true,
      reportFileName: report,
      reportFolder: '<projectFolder>/api/',
      reportTempFolder: '<projectFolder>/dist/api/',
      // A type reachable from an entry but not exported by it is written out in the report too,
      // so a change to its shape is caught like a change to an exported one.
      includeForgottenExports: true,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    newlineKind: 'lf',
    messages: {
      compilerMessageReporting: { default: { logLevel: 'error' } },
      // Forgotten exports are in the report (above) and the SDK uses no release tags: neither is
      // a reason to fail. Only a report that differs is.
      extractorMessageReporting: {
        default: { logLevel: 'none', addToApiReportFile: false },
        'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: false },
        'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
      },
      tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
    },
  };
}
