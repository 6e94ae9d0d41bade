import { expect } from 'chai';

import { WHO_AM_I_TTL_MS } from '../../src/directory/directory.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`GET /api/me keeps up with the directory (${engine})`, () => {
    let core: TestCore;
    beforeEach(async () => {
      core = await startTestCore({ engine });
    });
    afterEach(() => core?.close());

    const joinCe1 = () =>
      core.preau.ctx.knex('memberships').insert({
        person_id: core.world.people['enseignant.cm1a'],
        ecole_id: core.world.ecoles.a1,
        profile: 'ENS',
        class_id: core.world.classes.ce1,
        created_at: core.clock.now(),
      });
    const classNames = async (client: Awaited<ReturnType<TestCore['as']>>) =>
      (
        JSON.parse((await client.get('/api/me')).payload) as { classes: Array<{ name: string }> }
      ).classes
        .map((classe) => classe.name)
        .sort();

    it('shows a change announced on the bus at once', async () => {
      const teacher = await core.as('enseignant.cm1a');
      expect(await classNames(teacher)).to.deep.equal(['CM1 A']);
      await joinCe1();
      await core.preau.ctx.bus.publish('directory.changed', {
        personIds: [core.world.people['enseignant.cm1a']],
      });
      expect(await classNames(teacher)).to.deep.equal(['CE1', 'CM1 A']);
    });

    it('shows an unannounced change once the cache has expired', async () => {
      const teacher = await core.as('enseignant.cm1a');
      await classNames(teacher);
      await joinCe1();
      core.clock.advance(WHO_AM_I_TTL_MS);
      // The session must still be alive after the clock moved: open a new one.
      expect(await classNames(await core.as('enseignant.cm1a'))).to.deep.equal(['CE1', 'CM1 A']);
    });
  });
}
