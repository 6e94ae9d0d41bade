/**
 * An error a plugin route throws to answer with an HTTP status and a message for people.
 * Core turns it into the response; any other error becomes a 500 whose details stay in the logs.
 *
 * @example
 * ```ts
 * throw new HttpError(404, 'Aucun menu pour cette semaine.');
 * ```
 */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    /** HTTP status, 400 to 599. */
    readonly status: number,
    /** Shown to the person: French, saying what to do. */
    message: string,
  ) {
    super(message);
  }
}

/**
 * Shorthands for the statuses plugins answer most.
 *
 * @example
 * ```ts
 * if (!menu) throw errors.notFound('Aucun menu pour cette semaine.');
 * ```
 */
export const errors = {
  badRequest: (message: string) => new HttpError(400, message),
  forbidden: (message: string) => new HttpError(403, message),
  notFound: (message: string) => new HttpError(404, message),
  conflict: (message: string) => new HttpError(409, message),
};
