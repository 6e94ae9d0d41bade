import type { CoreContext } from '../context.js';

/** Reads and changes the directory: collectivités, écoles, classes, people, memberships. (Stub.) */
export class Directory {
  constructor(protected readonly ctx: CoreContext) {}
}
