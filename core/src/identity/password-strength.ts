import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * zxcvbn-ts's estimate of how guessable a password is (score 0 to 4), with its French advice.
 * It sees what the CNIL length rule cannot: repeats (« aaaa… »), sequences (« 1234… »), words
 * of the French and English dictionaries and the person's own names. The dictionaries weigh
 * megabytes, so they are loaded once, on the first check, not when Préau starts.
 */
export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn-ts's French warning and suggestions, when it has any. */
  feedback: string[];
}

/** Scores `password`, treating `userInputs` (login, names, école) as known to an attacker. */
export async function passwordStrength(
  password: string,
  userInputs: string[],
): Promise<PasswordStrength> {
  const zxcvbn = await internals.factory();
  const result = zxcvbn.check(password, userInputs.filter(Boolean));
  const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter(
    (text): text is string => typeof text === 'string' && text.length > 0,
  );
  return { score: result.score, feedback };
}

const internals = {
  loading: undefined as Promise<ZxcvbnFactory> | undefined,

  factory(): Promise<ZxcvbnFactory> {
    internals.loading ??= internals.load();
    return internals.loading;
  },

  async load(): Promise<ZxcvbnFactory> {
    const [core, common, fr, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new core.ZxcvbnFactory({
      translations: fr.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
      useLevenshteinDistance: true,
    });
  },
};
