export { testEngines, type TestEngine } from './engines.js';
export {
  ECOLE_KEYS,
  FIXTURE_LOGINS,
  FIXTURE_MEMBERSHIPS,
  fixtureLoginFor,
  fixtureProfilesIn,
  type EcoleKey,
  type FixtureLogin,
  type FixtureMembership,
  type FixtureWorld,
} from './fixtures.js';
export { resolvePath, type PluginTestClient, type TestResponse } from './http-client.js';
export {
  startPluginTest,
  type ActAsOptions,
  type PluginTest,
  type PluginTestOptions,
  type TestClock,
  type TestMail,
} from './plugin-test.js';
