import type { CoreContext } from '../context.js';
import type { Directory } from '../directory/directory.js';

/** Communication rules: who may write to whom, per école. (Stub.) */
export class Communication {
  constructor(
    protected readonly ctx: CoreContext,
    protected readonly directory: Directory,
  ) {}
}
