export { ManualClock } from '../clock.js';
export {
  createTestDatabase,
  testEngines,
  type TestDatabase,
  type TestEngine,
} from './databases.js';
export {
  FIXTURE_LOGINS,
  FIXTURE_PASSWORD,
  fixtureEmailOf,
  insertFixtures,
  type FixtureLogin,
  type FixtureWorld,
} from './fixtures.js';
export { startTestCore, type TestClient, type TestCore, type TestCoreOptions } from './harness.js';
export type { OutgoingMail } from '../mail/transport.js';
