import { expect } from 'chai';

import { SqlDirectoryReader } from '../../src/plugins/directory-reader.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`plugins: ctx.directory.audienceOf, who an audience reaches (${engine})`, () => {
    let core: TestCore;
    let directory: SqlDirectoryReader;
    before(async () => {
      core = await startTestCore({ engine });
      directory = new SqlDirectoryReader(core.preau.ctx.sql);
    });
    after(() => core?.close());

    const logins = async (...args: Parameters<SqlDirectoryReader['audienceOf']>) => {
      const byId = new Map(Object.entries(core.world.people).map(([login, id]) => [id, login]));
      return (await directory.audienceOf(...args)).map((member) => byId.get(member.personId));
    };

    it('reaches a class’s pupils, its teacher and the parents of its pupils, no one else', async () => {
      const { ecoles, classes } = core.world;
      expect(await logins(ecoles.a1, { classIds: [classes.cm1a] })).to.have.members([
        'eleve.cm1a',
        'eleve2.cm1a',
        'enseignant.cm1a',
        'parent.a1',
      ]);
    });

    it('reaches everyone holding a profile in the école, with their profiles there', async () => {
      const { ecoles, people } = core.world;
      const members = await directory.audienceOf(ecoles.a1, { profiles: ['DIR'] });
      expect(members).to.deep.equal([
        { personId: people['directeur.a1'], profiles: ['DIR', 'ENS'] },
      ]);
    });

    it('reaches named people only when they belong to the école', async () => {
      const { ecoles, people } = core.world;
      expect(
        await logins(ecoles.a1, { personIds: [people['parent2.a1'], people['parent.b1']] }),
      ).to.deep.equal(['parent2.a1']);
    });

    it('reaches each member of the école once for « ecole », and never another école’s', async () => {
      const { ecoles } = core.world;
      const everyone = await logins(ecoles.a1, 'ecole');
      expect(everyone).to.include.members(['eleve.psms', 'parent2.a1', 'atsem.a1', 'ien.a']);
      expect(everyone).to.not.include.members(['enseignant.a2', 'eleve.b1', 'parent.b1']);
      expect(new Set(everyone).size).to.equal(everyone.length);
    });

    it('does not reach a class of another école through the class id', async () => {
      const { ecoles, classes } = core.world;
      expect(await logins(ecoles.a1, { classIds: [classes.b1cp] })).to.deep.equal([]);
    });
  });
}
