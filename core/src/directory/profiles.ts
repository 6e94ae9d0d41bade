// Profiles are part of the plugin contract, so the SDK owns them; core re-exports.
export {
  isProfile,
  LEVELS,
  LOCAL_PROFILES,
  NATIONAL_PROFILES,
  PROFILE_LABELS,
  PROFILES,
  type Level,
  type Profile,
} from '@preau/sdk';
import type { Profile } from '@preau/sdk';

/** Adults who work in or for the école: reachable by pupils and parents as « personnel ». */
export const STAFF_PROFILES: readonly Profile[] = ['DIR', 'EVS', 'ETA', 'DOC', 'COL'];
