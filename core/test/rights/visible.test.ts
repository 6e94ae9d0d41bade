import { expect } from 'chai';

import { DirectoryBuilder } from '../../src/directory/builder.js';
import {
  startTestCore,
  testEngines,
  type FixtureLogin,
  type TestCore,
} from '../../src/testing/index.js';

interface Visible {
  people: { type: string; id: number; firstName: string; lastName: string }[];
  groups: { type: string; id: string; name: string; kind: string }[];
}

for (const engine of testEngines()) {
  describe(`GET /api/directory/visible (${engine})`, () => {
    let core: TestCore;
    /** People inserted here, whose names carry accents the fixture names lack. */
    const added = {} as Record<'elodie' | 'noe' | 'inconnu' | 'percent', number>;
    const groups = {} as Record<'manuel' | 'diffusion', number>;

    const visible = async (login: FixtureLogin, query = '') => {
      const response = await (await core.as(login)).get(`/api/directory/visible${query}`);
      expect(response.statusCode, response.payload).to.equal(200);
      return response.result as unknown as Visible;
    };
    const ids = (result: Visible) => result.people.map((person) => person.id);

    before(async () => {
      core = await startTestCore({ engine });
      const build = new DirectoryBuilder(core.preau.ctx.knex, core.clock);
      const { ecoles, classes } = core.world;
      const pupil = async (firstName: string, lastName: string, classId: number) => {
        const id = await build.person({ firstName, lastName });
        await build.membership({ personId: id, ecoleId: ecoles.a1, profile: 'ELV', classId });
        return id;
      };
      added.elodie = await pupil('Élodie', 'Bénard', classes.cm1a);
      added.noe = await pupil('Noé', 'Lefèvre', classes.ce1);
      added.percent = await pupil('Zoé', '%Pourcent', classes.cm1a);
      added.inconnu = await build.person({ firstName: 'Éloi', lastName: 'Sans-École' });
      const knex = core.preau.ctx.knex;
      const group = async (name: string, kind: string, members: number[]) => {
        const [id] = await knex('groups').insert({
          ecole_id: ecoles.a1,
          name,
          kind,
          created_at: core.clock.now(),
        });
        const groupId = Number(id);
        await knex('group_members').insert(
          members.map((personId) => ({ group_id: groupId, person_id: personId })),
        );
        return groupId;
      };
      const { people } = core.world;
      groups.manuel = await group('Chorale', 'manuel', [people['eleve.cm1a'], added.noe]);
      groups.diffusion = await group('Sortie au musée', 'diffusion', [
        people['eleve.cm1a'],
        people['eleve.ce1'],
      ]);
    });
    after(() => core?.close());

    it('offers a pupil their parent, their teacher, a classmate and the ATSEM', async () => {
      const { people } = core.world;
      expect(ids(await visible('eleve.cm1a', '?limit=50'))).to.include.members([
        people['parent.a1'],
        people['enseignant.cm1a'],
        people['eleve2.cm1a'],
        people['atsem.a1'],
      ]);
    });

    it('offers a pupil nobody the rules forbid, not even a fellow member of a broadcast list', async () => {
      const { people } = core.world;
      const offered = ids(await visible('eleve.cm1a', '?limit=50'));
      for (const login of [
        'eleve.ce1',
        'enseignant.ce1',
        'parent2.a1',
        'eleve.b1',
        'eleve.cm1a',
      ] as const) {
        expect(offered, login).not.to.include(people[login]);
      }
      expect(offered).not.to.include(added.noe);
    });

    it('offers a pupil no school-wide or class group, only the manual group they belong to', async () => {
      const result = await visible('eleve.cm1a', '?limit=50');
      expect(result.groups.map((group) => group.id)).to.deep.equal([`groupe:${groups.manuel}`]);
    });

    it('offers a teacher the school-wide groups, the class groups and the école’s lists', async () => {
      const a1 = core.world.ecoles.a1;
      const result = await visible('enseignant.cm1a', '?limit=50');
      expect(result.groups.map((group) => group.id)).to.include.members([
        `ecole:${a1}:ELV`,
        `ecole:${a1}:TUT`,
        `ecole:${a1}:ENS`,
        `ecole:${a1}:PERSONNEL`,
        `classe:${core.world.classes.ce1}:TUT`,
        `groupe:${groups.diffusion}`,
      ]);
      expect(result.groups.map((group) => group.name)).to.include('Tous les élèves de École A1');
    });

    it('offers a teacher everyone of their école and nobody of another', async () => {
      const { people } = core.world;
      const offered = ids(await visible('enseignant.cm1a', '?limit=50'));
      expect(offered).to.include.members([
        people['eleve.psms'],
        people['parent2.a1'],
        people['directeur.a1'],
        people['ien.a'],
        added.noe,
      ]);
      for (const login of ['eleve.b1', 'parent.b1', 'enseignant.b1', 'enseignant.a2'] as const) {
        expect(offered, login).not.to.include(people[login]);
      }
      expect(offered).not.to.include(added.inconnu);
    });

    it('offers a parent the teachers of their children’s classes but not another class’s', async () => {
      const { people } = core.world;
      expect(ids(await visible('parent.a1', '?limit=50'))).to.include.members([
        people['enseignant.cm1a'],
        people['enseignant.ce1'],
      ]);
      expect(ids(await visible('parent2.a1', '?limit=50'))).not.to.include(
        people['enseignant.cm1a'],
      );
    });

    it('shows names, profiles and classes of a person, never an e-mail or a login', async () => {
      const result = await visible('eleve2.cm1a', '?q=elodie');
      expect(result.people).to.deep.equal([
        {
          type: 'personne',
          id: added.elodie,
          firstName: 'Élodie',
          lastName: 'Bénard',
          profiles: ['Élève'],
          classes: ['CM1 A'],
        },
      ]);
    });

    it('matches the start of a first name whatever its accents and case', async () => {
      expect(ids(await visible('enseignant.cm1a', '?q=ELO'))).to.deep.equal([added.elodie]);
    });

    it('matches the start of a last name whatever its accents and case', async () => {
      expect(ids(await visible('enseignant.cm1a', '?q=lefevre'))).to.deep.equal([added.noe]);
      expect(ids(await visible('enseignant.cm1a', '?q=B%C3%A9n'))).to.deep.equal([added.elodie]);
    });

    it('matches a first name followed by the start of the last name', async () => {
      expect(ids(await visible('enseignant.cm1a', '?q=noe%20lef'))).to.deep.equal([added.noe]);
    });

    it('does not match letters in the middle of a name', async () => {
      expect(ids(await visible('enseignant.cm1a', '?q=odie'))).to.deep.equal([]);
    });

    it('takes % and _ in the query literally', async () => {
      expect(ids(await visible('enseignant.cm1a', '?q=%25'))).to.deep.equal([added.percent]);
      expect(ids(await visible('enseignant.cm1a', '?q=_'))).to.deep.equal([]);
    });

    it('filters by name within what the rules allow only', async () => {
      expect(ids(await visible('eleve.cm1a', '?q=noe'))).to.deep.equal([]);
    });

    it('matches a word of a group’s name, whatever its accents', async () => {
      const result = await visible('enseignant.cm1a', '?q=eleves');
      expect(result.groups.map((group) => group.name)).to.have.members([
        'Élèves de CE1',
        'Élèves de CM1 A',
        'Élèves de PS-MS',
        'Tous les élèves de École A1',
      ]);
    });

    it('sorts people by last name and cuts the list at the limit', async () => {
      const all = (await visible('enseignant.cm1a', '?limit=50')).people;
      const two = (await visible('enseignant.cm1a', '?limit=2')).people;
      const collator = new Intl.Collator('fr', { sensitivity: 'base' });
      const lastNames = all.map((person) => person.lastName);
      expect(lastNames).to.deep.equal([...lastNames].sort(collator.compare));
      expect(two).to.have.length(2);
      expect(two.map((p) => p.lastName)).to.deep.equal(lastNames.slice(0, 2));
    });

    it('cuts the groups at the limit too', async () => {
      expect((await visible('enseignant.cm1a', '?limit=3')).groups).to.have.length(3);
    });

    it('looks at every école of the person when no école is given, at one école otherwise', async () => {
      const { people, ecoles } = core.world;
      const communication = core.preau.services.communication;
      const everywhere = await communication.visible(people['ien.a'], null, 'enseignant', 50);
      const inA1 = await communication.visible(people['ien.a'], ecoles.a1, 'enseignant', 50);
      expect(ids(everywhere)).to.include.members([
        people['enseignant.a2'],
        people['enseignant.cm1a'],
      ]);
      expect(ids(inA1)).to.include(people['enseignant.cm1a']);
      expect(ids(inA1)).not.to.include(people['enseignant.a2']);
    });

    it('rejects a query longer than 80 characters, naming it', async () => {
      const response = await (
        await core.as('eleve.cm1a')
      ).get(`/api/directory/visible?q=${'a'.repeat(81)}`);
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('q');
    });

    it('rejects a limit above 50', async () => {
      const response = await (await core.as('eleve.cm1a')).get('/api/directory/visible?limit=51');
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('limit');
    });

    it('asks someone without a current école to choose one first', async () => {
      const response = await (await core.as('admin.a')).get('/api/directory/visible');
      expect(response.statusCode).to.equal(409);
    });

    it('requires a session', async () => {
      const response = await core.anonymous().get('/api/directory/visible');
      expect(response.statusCode).to.equal(401);
    });
  });
}
