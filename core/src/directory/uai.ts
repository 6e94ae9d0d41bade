/**
 * UAI (Unité administrative immatriculée, formerly RNE): seven digits and a check letter, the
 * letter being the seven-digit number modulo 23 in an alphabet without I, O and Q.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The check letter of a seven-digit UAI number. */
export function uaiCheckLetter(digits: string): string {
  if (!/^\d{7}$/.test(digits))
    throw new RangeError(`Un numéro UAI a 7 chiffres (reçu « ${digits} »)`);
  return CHECK_LETTERS[Number(digits) % 23] as string;
}

/** Whether `uai` is a well-formed UAI whose check letter matches (case-insensitive). */
export function isValidUai(uai: string): boolean {
  const match = /^(\d{7})([A-Za-z])$/.exec(uai);
  return (
    match !== null && uaiCheckLetter(match[1] as string) === (match[2] as string).toUpperCase()
  );
}

/** A complete UAI from seven digits: `makeUai('0350001')` is `'0350001L'`. */
export function makeUai(digits: string): string {
  return digits + uaiCheckLetter(digits);
}
