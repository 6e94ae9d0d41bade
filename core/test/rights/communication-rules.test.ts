import { expect } from 'chai';

import { defaultCommunicationRules } from '../../src/rights/communication-defaults.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

interface RulesBody {
  ecoleId: number;
  isDefault: boolean;
  rules: { senderProfile: string; target: string; scope: string; description: string }[];
}

for (const engine of testEngines()) {
  describe(`Communication rules administration (${engine})`, () => {
    let core: TestCore;
    const url = (suffix = '') =>
      `/api/admin/ecoles/${core.world.ecoles.a1}/communication-rules${suffix}`;
    const decide = (from: 'eleve.cm1a', to: 'eleve2.cm1a' | 'eleve.ce1') =>
      core.preau.services.communication.canCommunicate(
        core.world.people[from],
        core.world.people[to],
      );
    const storedRules = () =>
      core.preau.ctx
        .knex('communication_rules')
        .where('ecole_id', core.world.ecoles.a1)
        .orderBy('id')
        .select('sender_profile', 'target', 'scope');
    const auditCount = async (action: string) =>
      Number(
        (await core.preau.ctx.knex('audit_log').where({ action }).count({ n: '*' }).first())?.n ??
          0,
      );
    /** The defaults without pupils writing to their classmates, plus pupils writing to the whole école. */
    const edited = () => [
      ...defaultCommunicationRules().filter(
        (rule) => !(rule.senderProfile === 'ELV' && rule.target === 'ELV'),
      ),
      { senderProfile: 'ELV', target: 'ELV', scope: 'ecole' },
    ];

    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());
    afterEach(() => core.preau.services.communication.reset(core.world.ecoles.a1));

    it('shows a collectivité administrator the default rules of an école, described', async () => {
      const response = await (await core.as('admin.a')).get(url());
      expect(response.statusCode).to.equal(200);
      const body = response.result as unknown as RulesBody;
      expect(body.isDefault).to.equal(true);
      expect(body.rules).to.have.length(defaultCommunicationRules().length);
      expect(body.rules).to.deep.include({
        senderProfile: 'TUT',
        target: 'ENS',
        scope: 'classe-enfant',
        description: 'Parent → Enseignant des classes de ses enfants',
      });
    });

    it('replaces the rules as a whole, which changes who may write to whom', async () => {
      const response = await (await core.as('admin.a')).put(url(), { rules: edited() });
      expect(response.statusCode, response.payload).to.equal(200);
      expect((response.result as unknown as RulesBody).isDefault).to.equal(false);
      expect((await decide('eleve.cm1a', 'eleve.ce1')).allowed).to.equal(true);
    });

    it('records the replacement in the audit log with its author', async () => {
      const before = await auditCount('communication-rules.replaced');
      const admin = await core.as('admin.a');
      await admin.put(url(), { rules: edited() });
      const entry = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'communication-rules.replaced' })
        .orderBy('id', 'desc')
        .first();
      expect(await auditCount('communication-rules.replaced')).to.equal(before + 1);
      expect(Number(entry.actor_id)).to.equal(admin.personId);
      expect(Number(entry.ecole_id)).to.equal(core.world.ecoles.a1);
      expect(Number(entry.collectivite_id)).to.equal(core.world.collectivites.a);
    });

    it('accepts an empty list: then nobody may write to anybody in the école', async () => {
      const response = await (await core.as('admin.a')).put(url(), { rules: [] });
      expect(response.statusCode).to.equal(200);
      expect((await decide('eleve.cm1a', 'eleve2.cm1a')).allowed).to.equal(false);
    });

    it('brings the defaults back on reset, and records it', async () => {
      const admin = await core.as('admin.a');
      await admin.put(url(), { rules: [] });
      const before = await auditCount('communication-rules.reset');
      const response = await admin.post(url('/reset'));
      expect(response.statusCode).to.equal(200);
      expect((response.result as unknown as RulesBody).isDefault).to.equal(true);
      expect((await decide('eleve.cm1a', 'eleve2.cm1a')).allowed).to.equal(true);
      expect(await auditCount('communication-rules.reset')).to.equal(before + 1);
    });

    const malformed: [string, unknown, string][] = [
      ['a missing scope', { rules: [{ senderProfile: 'ELV', target: 'ENS' }] }, 'rules.0.scope'],
      [
        'an unknown sender profile',
        { rules: [{ senderProfile: 'XYZ', target: 'ENS', scope: 'ecole' }] },
        'rules.0.senderProfile',
      ],
      [
        'an unknown scope',
        { rules: [{ senderProfile: 'ELV', target: 'ENS', scope: 'monde' }] },
        'rules.0.scope',
      ],
      [
        'an unexpected field',
        { rules: [{ senderProfile: 'ELV', target: 'ENS', scope: 'ecole', x: 1 }] },
        'rules.0.x',
      ],
      [
        'a duplicate rule',
        {
          rules: [
            { senderProfile: 'ELV', target: 'ENS', scope: 'ecole' },
            { senderProfile: 'ELV', target: 'ENS', scope: 'ecole' },
          ],
        },
        'rules.1',
      ],
      [
        'a school-wide group limited to a class',
        { rules: [{ senderProfile: 'ENS', target: 'groupe-ecole', scope: 'classe' }] },
        'rules.0.scope',
      ],
      ['no rules field', {}, 'rules'],
    ];
    for (const [what, body, field] of malformed) {
      it(`rejects ${what} with a 400 naming ${field}, and writes nothing`, async () => {
        const before = await storedRules();
        const response = await (await core.as('admin.a')).put(url(), body);
        expect(response.statusCode).to.equal(400);
        expect(JSON.parse(response.payload).message).to.contain(field);
        expect(await storedRules()).to.deep.equal(before);
      });
    }

    it('hides an école of collectivité A from the administrator of B', async () => {
      const response = await (await core.as('admin.b')).get(url());
      expect(response.statusCode).to.equal(404);
    });

    it('lets the administrator of B change nothing in an école of A', async () => {
      const before = await storedRules();
      const admin = await core.as('admin.b');
      expect((await admin.put(url(), { rules: [] })).statusCode).to.equal(404);
      expect((await admin.post(url('/reset'))).statusCode).to.equal(404);
      expect(await storedRules()).to.deep.equal(before);
    });

    it('lets the platform administrator read any école’s rules', async () => {
      const response = await (await core.as('admin.plateforme')).get(url());
      expect(response.statusCode).to.equal(200);
    });

    it('lets the école’s directeur change its rules', async () => {
      const response = await (await core.as('directeur.a1')).put(url(), { rules: edited() });
      expect(response.statusCode).to.equal(200);
      expect((await decide('eleve.cm1a', 'eleve.ce1')).allowed).to.equal(true);
    });

    it('hides another école’s rules from a directeur', async () => {
      const directeur = await core.as('directeur.a1');
      const response = await directeur.get(
        `/api/admin/ecoles/${core.world.ecoles.a2}/communication-rules`,
      );
      expect(response.statusCode).to.equal(404);
    });

    it('hides the rules from a teacher of the école', async () => {
      const response = await (await core.as('enseignant.cm1a')).get(url());
      expect(response.statusCode).to.equal(404);
    });
  });

  describe(`GET /api/admin/ecoles/{id}/communication-check (${engine})`, () => {
    let core: TestCore;
    const check = async (login: string, from: number, to: number) =>
      (await core.as(login)).get(
        `/api/admin/ecoles/${core.world.ecoles.a1}/communication-check?from=${from}&to=${to}`,
      );
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    it('explains why a pupil may not write to another class’s teacher', async () => {
      const { people } = core.world;
      const response = await check('admin.a', people['eleve.cm1a'], people['enseignant.ce1']);
      expect(response.statusCode).to.equal(200);
      const body = JSON.parse(response.payload);
      expect(body.allowed).to.equal(false);
      expect(body.reason).to.contain('aucune classe en commun');
    });

    it('names the rule that lets a parent write to their child’s teacher', async () => {
      const { people } = core.world;
      const response = await check('directeur.a1', people['parent.a1'], people['enseignant.ce1']);
      const body = JSON.parse(response.payload);
      expect(body.allowed).to.equal(true);
      expect(body.rule).to.include({ senderProfile: 'TUT', target: 'ENS', scope: 'classe-enfant' });
    });

    it('answers 404 when one of the two people is not in the école', async () => {
      const { people } = core.world;
      const response = await check('admin.a', people['eleve.cm1a'], people['eleve.b1']);
      expect(response.statusCode).to.equal(404);
    });

    it('answers 404 to the administrator of another collectivité', async () => {
      const { people } = core.world;
      const response = await check('admin.b', people['eleve.cm1a'], people['parent.a1']);
      expect(response.statusCode).to.equal(404);
    });
  });
}
