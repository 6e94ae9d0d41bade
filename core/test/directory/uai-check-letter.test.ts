import { expect } from 'chai';

import { isValidUai, makeUai, uaiCheckLetter } from '../../src/directory/uai.js';

describe('UAI check letter', () => {
  it('is the number modulo 23 in the alphabet without I, O and Q', () => {
    expect(uaiCheckLetter('0350001')).to.equal('L');
    expect(uaiCheckLetter('0000000')).to.equal('A');
    expect(uaiCheckLetter('0000022')).to.equal('Z');
  });

  it('accepts a UAI whose letter matches, in either case', () => {
    expect(isValidUai(makeUai('0351234'))).to.equal(true);
    expect(isValidUai(makeUai('0351234').toLowerCase())).to.equal(true);
  });

  it('rejects a wrong letter, a wrong length and stray characters', () => {
    expect(isValidUai('0350001A')).to.equal(false);
    expect(isValidUai('035001L')).to.equal(false);
    expect(isValidUai('0350 01L')).to.equal(false);
    expect(isValidUai('')).to.equal(false);
  });

  it('refuses to compute a letter for anything but seven digits', () => {
    expect(() => uaiCheckLetter('12345')).to.throw(RangeError, /7 chiffres/);
  });
});
