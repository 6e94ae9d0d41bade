import { expect } from 'chai';

// The shell's code is built by core/web's own tsconfig (DOM lib); the test loads its output.
const { afterLoginPath } = (await import(
  new URL('../../web/app/return-path.js', import.meta.url).href
)) as { afterLoginPath: (retour: string | null, origin: string, loginPath?: string) => string };

const origin = 'https://ent.example';

describe('Where the login page sends a person (afterLoginPath)', () => {
  it('goes back to the page of this site that was asked for, query and fragment kept', () => {
    expect(afterLoginPath('/apps/menu-cantine/menus?semaine=2#lundi', origin)).to.equal(
      '/apps/menu-cantine/menus?semaine=2#lundi',
    );
    expect(afterLoginPath('/preferences', origin)).to.equal('/preferences');
  });

  it('goes to the dashboard without retour', () => {
    expect(afterLoginPath(null, origin)).to.equal('/');
    expect(afterLoginPath('', origin)).to.equal('/');
  });

  it('never goes back to the login page, however it is written', () => {
    for (const retour of [
      '/connexion',
      '/connexion/',
      '/Connexion',
      '/connexion?retour=%2Fapplis',
      '/./connexion',
      '/applis/../connexion',
      '/connexion#x',
    ]) {
      expect(afterLoginPath(retour, origin), retour).to.equal('/');
    }
  });

  it('keeps a page whose name only starts like the login page', () => {
    expect(afterLoginPath('/connexions-recentes', origin)).to.equal('/connexions-recentes');
  });

  it('never leaves the site', () => {
    for (const retour of [
      'https://evil.example/',
      '//evil.example/page',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'applis',
      '/\tevil',
      '/\r\n/evil.example',
    ]) {
      expect(afterLoginPath(retour, origin), JSON.stringify(retour)).to.equal('/');
    }
  });

  it('does not go to the API or to static files, which are not pages', () => {
    expect(afterLoginPath('/api/me', origin)).to.equal('/');
    expect(afterLoginPath('/assets/app.js', origin)).to.equal('/');
  });
});
