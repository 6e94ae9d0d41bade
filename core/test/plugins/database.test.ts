import type { PluginDatabase } from '@preau/sdk';
import { expect } from 'chai';

import { TableNaming } from '../../src/plugins/database.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { fixturePlugin } from './fixtures.js';

describe('Plugin table names', () => {
  const naming = new TableNaming('menu-cantine');

  it('prefixes every table with the plugin id, dashes turned to underscores', () => {
    expect(naming.of('menus')).to.equal('menu_cantine_menus');
  });

  it('turns a core table’s name into one of the plugin’s own tables', () => {
    expect(naming.of('people')).to.equal('menu_cantine_people');
  });

  for (const name of ['autre.table', 'Menus', 'menus; drop', '', '_x', 'migrations']) {
    it(`refuses the table name « ${name} »`, () => {
      expect(() => naming.of(name)).to.throw(/refusé/);
    });
  }

  it('refuses a name that would land among another installed plugin’s tables', () => {
    const menu = new TableNaming('menu', ['menu-cantine']);
    expect(menu.of('plats')).to.equal('menu_plats');
    expect(() => menu.of('cantine_menus')).to.throw(/menu_cantine_/);
  });

  it('refuses a name too long for MariaDB', () => {
    expect(() => naming.of('x'.repeat(60))).to.throw(/trop long/);
  });
});

for (const engine of testEngines()) {
  describe(`Scoped plugin database (${engine})`, () => {
    let core: TestCore;
    let db: PluginDatabase;
    let a1: number;
    let a2: number;
    before(async () => {
      core = await startTestCore({ engine, plugins: [fixturePlugin('carnet-essai')] });
      db = core.preau.services.plugins.get('carnet-essai')!.context.db;
      ({ a1, a2 } = core.world.ecoles);
    });
    after(() => core?.close());
    beforeEach(() => core.preau.ctx.knex('carnet_essai_notes').delete());

    const note = (texte: string) => ({ author_id: 1, texte, created_at: 0 });
    const textsIn = async (ecoleId: number) =>
      (
        (await db.forEcole(ecoleId).table('notes').orderBy('id').select('texte')) as Array<{
          texte: string;
        }>
      ).map((row) => row.texte);

    it('reads only the rows of the école it is opened for', async () => {
      await db.forEcole(a1).insert('notes', note('A1'));
      await db.forEcole(a2).insert('notes', note('A2'));
      expect(await textsIn(a1)).to.deep.equal(['A1']);
      expect(await textsIn(a2)).to.deep.equal(['A2']);
    });

    it('stamps inserted rows with its école, by both insert paths', async () => {
      await db.forEcole(a1).insert('notes', note('directe'));
      await db.forEcole(a1).table('notes').insert(note('par le builder'));
      expect(await textsIn(a2)).to.deep.equal([]);
      expect(await textsIn(a1)).to.deep.equal(['directe', 'par le builder']);
    });

    it('returns the id of every row of a multi-row insert', async () => {
      const ids = await db.forEcole(a1).insert('notes', [note('un'), note('deux'), note('trois')]);
      expect(ids).to.have.length(3);
      const stored = await db.table('notes').whereIn('id', ids).orderBy('id').pluck('texte');
      expect(stored).to.deep.equal(['un', 'deux', 'trois']);
    });

    it('updates and deletes only within its école', async () => {
      await db.forEcole(a1).insert('notes', note('A1'));
      await db.forEcole(a2).insert('notes', note('A2'));
      await db.forEcole(a1).table('notes').update({ texte: 'changée' });
      await db.forEcole(a1).table('notes').delete();
      expect(await textsIn(a2)).to.deep.equal(['A2']);
    });

    it('refuses to move a row to another école', async () => {
      await db.forEcole(a1).insert('notes', note('A1'));
      expect(() => db.forEcole(a1).table('notes').update({ ecole_id: a2 })).to.throw(/école/);
    });

    it('keeps nothing of a transaction that fails', async () => {
      const failure = await db
        .transaction(async (tx) => {
          await tx.forEcole(a1).insert('notes', note('perdue'));
          throw new Error('échec voulu');
        })
        .catch((error: Error) => error.message);
      expect(failure).to.equal('échec voulu');
      expect(await textsIn(a1)).to.deep.equal([]);
    });

    it('names its engine', () => {
      expect(db.engine).to.equal(engine === 'sqlite' ? 'sqlite' : 'mysql');
    });
  });
}
