import type { Profile } from './profiles.js';

/**
 * Who a piece of content is for, within one école: the whole école, or only the listed
 * profiles, classes and people. A class means its pupils, its teachers and the legal
 * representatives of its pupils. A person matching any of the lists belongs to the audience.
 * Search uses it to filter results, notifications to choose recipients.
 *
 * @example
 * ```ts
 * const audience: Audience = { classIds: [cm1a.id], profiles: ['DIR'] };
 * ```
 */
export type Audience =
  'ecole' | { classIds?: number[]; profiles?: Profile[]; personIds?: number[] };

/**
 * A member of an école in an audience (`ctx.directory.audienceOf`), with the profiles they hold
 * in that école.
 *
 * @example
 * ```ts
 * const parents = (await ctx.directory.audienceOf(ecole.id, { classIds: [cm1a.id] }))
 *   .filter((member) => member.profiles.includes('TUT'));
 * ```
 */
export interface AudienceMember {
  personId: number;
  profiles: Profile[];
}
