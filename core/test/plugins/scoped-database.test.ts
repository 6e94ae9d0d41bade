import type { PluginDatabase } from '@preau/sdk';
import { expect } from 'chai';
import type { Knex } from 'knex';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { fixturePlugin } from './fixtures.js';

// Hostile query shapes on forEcole(…): each either stays inside the école (and the école's own
// row is still reached: the positive control) or is refused with a French message, and the
// other école's row is untouched either way.
for (const engine of testEngines()) {
  describe(`forEcole cannot be escaped by ordinary knex use (${engine})`, () => {
    let core: TestCore;
    let db: PluginDatabase;
    let knex: Knex;
    let a1: number;
    let a2: number;
    let mine: number;
    let theirs: number;
    const notes = 'carnet_essai_notes';
    const journal = 'carnet_essai_journal';
    const foreign = 'autre_plugin_notes';

    before(async () => {
      core = await startTestCore({ engine, plugins: [fixturePlugin('carnet-essai')] });
      db = core.preau.services.plugins.get('carnet-essai')!.context.db;
      knex = core.preau.ctx.knex;
      ({ a1, a2 } = core.world.ecoles);
      await knex.schema.createTable(foreign, (t) => {
        t.increments('id');
        t.integer('ecole_id').notNullable();
        t.integer('note_id').notNullable();
      });
    });
    after(async () => {
      await knex?.schema.dropTableIfExists(foreign);
      await core?.close();
    });
    beforeEach(async () => {
      await knex(notes).delete();
      await knex(journal).delete();
      [mine = 0] = await db
        .forEcole(a1)
        .insert('notes', { author_id: 1, texte: 'A1', created_at: 0 });
      [theirs = 0] = await db
        .forEcole(a2)
        .insert('notes', { author_id: 1, texte: 'A2', created_at: 0 });
      await knex(foreign).insert({ ecole_id: a2, note_id: theirs });
    });

    const scoped = () => db.forEcole(a1).table('notes');
    const texts = async (query: Promise<unknown> | PromiseLike<unknown>) =>
      ((await query) as Array<{ texte: string }>).map((row) => row.texte).sort();
    const otherRow = () => knex(notes).where('id', theirs).first();
    /** The refusal's message, thrown at once or when the query runs. */
    const refusal = async (query: () => PromiseLike<unknown>) => {
      try {
        await query();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('la requête aurait dû être refusée');
    };
    const untouched = async () =>
      expect(await otherRow()).to.include({ texte: 'A2', ecole_id: a2, author_id: 1 });

    describe('reads', () => {
      it('keeps orWhere inside the école, and still finds the école’s row', async () => {
        expect(await texts(scoped().where('texte', 'rien').orWhere('author_id', 1))).to.deep.equal([
          'A1',
        ]);
      });

      it('keeps whereNot and orWhereNot inside the école', async () => {
        expect(await texts(scoped().whereNot('texte', 'A2'))).to.deep.equal(['A1']);
        expect(await texts(scoped().where('id', 0).orWhereNot('texte', 'rien'))).to.deep.equal([
          'A1',
        ]);
      });

      it('keeps a grouped orWhere inside the école', async () => {
        const query = scoped().where((q: Knex.QueryBuilder) =>
          q.where('id', theirs).orWhere('id', mine),
        );
        expect(await texts(query)).to.deep.equal(['A1']);
      });

      it('counts, plucks, takes the first row and aggregates within the école', async () => {
        expect(Number((await scoped().count({ n: '*' }).first()).n)).to.equal(1);
        expect(await scoped().where('id', mine).orWhere('id', theirs).pluck('id')).to.deep.equal([
          mine,
        ]);
        expect(
          (await scoped().where('id', mine).orWhere('id', theirs).orderBy('id', 'desc').first()).id,
        ).to.equal(mine);
        expect(
          Number(
            (await scoped().where('id', mine).orWhere('id', theirs).max({ m: 'id' }).first()).m,
          ),
        ).to.equal(mine);
      });

      for (const method of ['whereRaw', 'orWhereRaw', 'havingRaw', 'joinRaw', 'fromRaw']) {
        it(`refuses ${method}, naming what to write instead`, async () => {
          const message = await refusal(() => scoped()[method]('1 = 1'));
          expect(message)
            .to.match(/SQL brut/)
            .and.match(/where, whereIn/);
        });
      }

      it('refuses knex.raw as a value', async () => {
        const message = await refusal(() => scoped().where('id', knex.raw('id')));
        expect(message).to.match(/knex\.raw/);
      });

      it('refuses a subquery on a table outside forEcole, in whereIn', async () => {
        const message = await refusal(() =>
          scoped().whereIn('id', knex(foreign).select('note_id')),
        );
        expect(message).to.match(/requête knex hors forEcole/);
        const callback = await refusal(() =>
          scoped().whereIn('id', function (this: Knex.QueryBuilder) {
            this.select('id').from('people');
          }),
        );
        expect(callback).to.match(/sous-requête/);
      });

      it('accepts a subquery of the same école, and refuses one of another école', async () => {
        const ids = db.forEcole(a1).table('notes').select('id');
        expect(await texts(scoped().whereIn('id', ids))).to.deep.equal(['A1']);
        const message = await refusal(() =>
          scoped().whereIn('id', db.forEcole(a2).table('notes').select('id')),
        );
        expect(message).to.match(/même plugin/);
      });

      it('joins the plugin’s own tables, each limited to the école', async () => {
        await db.forEcole(a1).insert('journal', { evenement: 'A1', at: mine });
        await db.forEcole(a2).insert('journal', { evenement: 'A2', at: mine });
        const rows = (await scoped()
          .leftJoin(journal, `${journal}.at`, `${notes}.id`)
          .where(`${journal}.evenement`, 'A1')
          .orWhere(`${journal}.evenement`, 'A2')
          .select(`${notes}.texte`, `${journal}.evenement`)) as Array<Record<string, unknown>>;
        expect(rows).to.deep.equal([{ texte: 'A1', evenement: 'A1' }]);
      });

      it('refuses a join to another plugin’s table and to a core table', async () => {
        const other = await refusal(() =>
          scoped().join(foreign, `${foreign}.note_id`, `${notes}.id`),
        );
        expect(other).to.match(/ne joint que les tables du plugin/);
        const people = await refusal(() =>
          scoped().join('people', 'people.id', `${notes}.author_id`),
        );
        expect(people).to.match(/ctx\.directory/);
      });

      it('refuses from, union and truncate', async () => {
        expect(await refusal(() => scoped().from('people'))).to.match(/table est choisie/);
        expect(await refusal(() => scoped().union(knex('people')))).to.match(/deux requêtes/);
        expect(await refusal(() => scoped().truncate())).to.match(/delete\(\)/);
        expect(await knex(notes).count({ n: '*' }).first()).to.deep.include({ n: 2 });
      });
    });

    describe('writes', () => {
      it('updates with orWhere only the école’s rows', async () => {
        await scoped().where('id', theirs).orWhere('author_id', 1).update({ texte: 'changée' });
        expect((await knex(notes).where('id', mine).first()).texte).to.equal('changée');
        await untouched();
      });

      it('deletes with orWhere only the école’s rows', async () => {
        await scoped().where('id', 0).orWhere('id', theirs).orWhere('id', mine).delete();
        expect(await knex(notes).where('id', mine).first()).to.equal(undefined);
        await untouched();
      });

      it('refuses to move rows to another école, by either form of update', async () => {
        expect(await refusal(() => scoped().update({ ecole_id: a2 }))).to.match(/changer d’école/);
        expect(await refusal(() => scoped().update('ecole_id', a2))).to.match(/changer d’école/);
        expect(await refusal(() => scoped().increment('ecole_id', 1))).to.match(/ecole_id/);
        await scoped().update('texte', 'par colonne');
        expect((await knex(notes).where('id', mine).first()).ecole_id).to.equal(a1);
        await untouched();
      });

      it('refuses an insert carrying another école’s ecole_id, by both paths', async () => {
        const row = { author_id: 2, texte: 'intruse', created_at: 0, ecole_id: a2 };
        expect(await refusal(() => db.forEcole(a1).insert('notes', row))).to.match(/ecole_id = /);
        expect(await refusal(() => scoped().insert(row))).to.match(/Retirez ecole_id/);
        expect(await knex(notes).where('texte', 'intruse').first()).to.equal(undefined);
      });

      it('refuses onConflict().merge(), and ignore() leaves the other école’s row as it was', async () => {
        const colliding = { id: theirs, author_id: 9, texte: 'écrasée', created_at: 0 };
        const message = await refusal(() => scoped().insert(colliding).onConflict('id').merge());
        expect(message)
          .to.match(/écraserait/)
          .and.match(/ignore\(\)/);
        await scoped().insert(colliding).onConflict('id').ignore();
        await untouched();
        expect(await refusal(() => scoped().upsert(colliding))).to.match(/upsert/);
      });

      it('refuses a write mixed with a join', async () => {
        const message = await refusal(() =>
          scoped().join(journal, `${journal}.at`, `${notes}.id`).update({ texte: 'x' }),
        );
        expect(message).to.match(/que des conditions where/);
        expect((await knex(notes).where('id', mine).first()).texte).to.equal('A1');
      });
    });
  });
}
