import { expect } from 'chai';

import { DirectoryBuilder } from '../../src/directory/builder.js';
import {
  startTestCore,
  testEngines,
  type FixtureLogin,
  type TestCore,
} from '../../src/testing/index.js';

/** Pairs the default rules allow, then pairs they refuse, in the fixture world. */
const allowed: [FixtureLogin, FixtureLogin][] = [
  ['eleve.cm1a', 'parent.a1'],
  ['eleve.cm1a', 'enseignant.cm1a'],
  ['eleve.cm1a', 'eleve2.cm1a'],
  ['eleve.cm1a', 'atsem.a1'],
  ['eleve.cm1a', 'directeur.a1'],
  ['parent.a1', 'eleve.cm1a'],
  ['parent.a1', 'eleve.ce1'],
  ['parent.a1', 'enseignant.cm1a'],
  ['parent.a1', 'enseignant.ce1'],
  ['parent.a1', 'atsem.a1'],
  ['parent.a1', 'directeur.a1'],
  ['parent2.a1', 'directeur.a1'],
  ['enseignant.cm1a', 'eleve.ce1'],
  ['enseignant.cm1a', 'eleve.psms'],
  ['enseignant.cm1a', 'parent2.a1'],
  ['enseignant.cm1a', 'enseignant.ce1'],
  ['enseignant.cm1a', 'ien.a'],
  ['enseignant.cm1a', 'partenaire.a1'],
  ['directeur.a1', 'parent.a1'],
];
const refused: [FixtureLogin, FixtureLogin][] = [
  ['eleve.cm1a', 'eleve.ce1'],
  ['eleve.cm1a', 'enseignant.ce1'],
  ['eleve.cm1a', 'parent2.a1'],
  ['eleve.cm1a', 'eleve.b1'],
  ['parent.a1', 'parent2.a1'],
  ['parent.a1', 'eleve.psms'],
  ['parent2.a1', 'enseignant.cm1a'],
  ['parent2.a1', 'parent.a1'],
  ['enseignant.cm1a', 'eleve.b1'],
  ['enseignant.cm1a', 'parent.b1'],
  ['enseignant.cm1a', 'enseignant.b1'],
  ['enseignant.cm1a', 'enseignant.a2'],
  ['partenaire.a1', 'eleve.cm1a'],
];

for (const engine of testEngines()) {
  describe(`canCommunicate with the default rules (${engine})`, () => {
    let core: TestCore;
    const decide = (from: FixtureLogin, to: FixtureLogin) =>
      core.preau.services.communication.canCommunicate(
        core.world.people[from],
        core.world.people[to],
      );
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    for (const [from, to] of allowed) {
      it(`lets ${from} write to ${to}`, async () => {
        const decision = await decide(from, to);
        expect(decision.allowed, decision.reason).to.equal(true);
      });
    }

    for (const [from, to] of refused) {
      it(`does not let ${from} write to ${to}`, async () => {
        const decision = await decide(from, to);
        expect(decision.allowed, decision.reason).to.equal(false);
      });
    }

    it('names the family rule that lets a pupil write to their parent', async () => {
      const decision = await decide('eleve.cm1a', 'parent.a1');
      expect(decision.rule).to.include({ senderProfile: 'ELV', target: 'TUT', scope: 'famille' });
      expect(decision.ecoleId).to.equal(core.world.ecoles.a1);
      expect(decision.reason).to.match(/^Autorisé par la règle de École A1 : Élève → Parent/);
    });

    it('explains a refusal between pupils of different classes by the class rule', async () => {
      const decision = await decide('eleve.cm1a', 'eleve.ce1');
      expect(decision.reason).to.contain('École A1');
      expect(decision.reason).to.contain('aucune classe en commun');
    });

    it('explains a refusal between parents by the absence of any rule', async () => {
      const decision = await decide('parent.a1', 'parent2.a1');
      expect(decision.reason).to.contain('aucune règle Parent → Parent');
    });

    it('explains a refusal across collectivités by the absence of a common école', async () => {
      const decision = await decide('enseignant.cm1a', 'enseignant.b1');
      expect(decision.reason).to.contain('aucune école en commun');
    });

    it('lets a parent and a child enrolled in an école where the parent is not write to each other', async () => {
      const build = new DirectoryBuilder(core.preau.ctx.knex, core.clock);
      const child = await build.person({ firstName: 'Inès', lastName: 'Ailleurs' });
      await build.membership({ personId: child, ecoleId: core.world.ecoles.a2, profile: 'ELV' });
      await build.familyLink({ parentId: core.world.people['parent.a1'], childId: child });
      const communication = core.preau.services.communication;
      const there = await communication.canCommunicate(core.world.people['parent.a1'], child);
      const back = await communication.canCommunicate(child, core.world.people['parent.a1']);
      expect(there.allowed, there.reason).to.equal(true);
      expect(back.allowed, back.reason).to.equal(true);
      expect(back.rule).to.include({ senderProfile: 'ELV', target: 'TUT', scope: 'famille' });
    });

    it('ignores a family link that is not a legal representative one', async () => {
      const build = new DirectoryBuilder(core.preau.ctx.knex, core.clock);
      const child = await build.person({ firstName: 'Hugo', lastName: 'Tiers' });
      await build.membership({
        personId: child,
        ecoleId: core.world.ecoles.a1,
        profile: 'ELV',
        classId: core.world.classes.ce1,
      });
      await build.familyLink({
        parentId: core.world.people['parent2.a1'],
        childId: child,
        legalRepresentative: false,
      });
      const decision = await core.preau.services.communication.canCommunicate(
        core.world.people['parent2.a1'],
        child,
      );
      expect(decision.allowed, decision.reason).to.equal(false);
    });
  });

  describe(`canReachGroup with the default rules (${engine})`, () => {
    let core: TestCore;
    const reach = (from: FixtureLogin, group: string) =>
      core.preau.services.communication.canReachGroup(core.world.people[from], group);
    const stored = {} as Record<'manuel' | 'diffusion', string>;
    before(async () => {
      core = await startTestCore({ engine });
      const knex = core.preau.ctx.knex;
      for (const kind of ['manuel', 'diffusion'] as const) {
        const [id] = await knex('groups').insert({
          ecole_id: core.world.ecoles.a1,
          name: `Groupe ${kind}`,
          kind,
          created_at: core.clock.now(),
        });
        await knex('group_members').insert([
          { group_id: Number(id), person_id: core.world.people['eleve.cm1a'] },
          { group_id: Number(id), person_id: core.world.people['eleve.ce1'] },
        ]);
        stored[kind] = `groupe:${Number(id)}`;
      }
    });
    after(() => core?.close());

    it('lets a teacher address all the pupils of the école', async () => {
      const decision = await reach('enseignant.cm1a', `ecole:${core.world.ecoles.a1}:ELV`);
      expect(decision.allowed, decision.reason).to.equal(true);
    });

    it('lets a teacher address the parents of another class of the école', async () => {
      const decision = await reach('enseignant.cm1a', `classe:${core.world.classes.ce1}:TUT`);
      expect(decision.allowed, decision.reason).to.equal(true);
    });

    it('does not let a parent address all the parents of the école', async () => {
      const decision = await reach('parent.a1', `ecole:${core.world.ecoles.a1}:TUT`);
      expect(decision.allowed, decision.reason).to.equal(false);
    });

    it('does not let a pupil address their own class', async () => {
      const decision = await reach('eleve.cm1a', `classe:${core.world.classes.cm1a}:ELV`);
      expect(decision.allowed, decision.reason).to.equal(false);
    });

    it('does not let a teacher address the groups of another collectivité’s école', async () => {
      const decision = await reach('enseignant.cm1a', `ecole:${core.world.ecoles.b1}:ENS`);
      expect(decision.allowed, decision.reason).to.equal(false);
    });

    it('refuses an id that is not a group', async () => {
      const decision = await reach('enseignant.cm1a', `ecole:${core.world.ecoles.a1}:DIR`);
      expect(decision.allowed).to.equal(false);
      expect(decision.reason).to.contain('groupe inconnu');
    });

    it('lets a member of a manual group write to it', async () => {
      const decision = await reach('eleve.cm1a', stored.manuel);
      expect(decision.allowed, decision.reason).to.equal(true);
    });

    it('does not let a pupil write to a manual group they are not a member of', async () => {
      const decision = await reach('eleve2.cm1a', stored.manuel);
      expect(decision.allowed, decision.reason).to.equal(false);
    });

    it('does not let a member of a broadcast list write to it', async () => {
      const decision = await reach('eleve.cm1a', stored.diffusion);
      expect(decision.allowed, decision.reason).to.equal(false);
    });

    it('lets a teacher of the école write to a broadcast list', async () => {
      const decision = await reach('enseignant.ce1', stored.diffusion);
      expect(decision.allowed, decision.reason).to.equal(true);
    });

    it('counts the legal representatives of a class’s pupils as its parents', async () => {
      const members = await core.preau.services.communication.membersOfGroup(
        `classe:${core.world.classes.cm1a}:TUT`,
      );
      expect(members).to.deep.equal([core.world.people['parent.a1']]);
    });
  });
}
