import { expect } from 'chai';

import { toHapiRoute, type JsonSchema } from '../../src/http/route.js';
import { startTestCore, type TestCore } from '../../src/testing/index.js';

const lesson: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'day'],
  properties: { title: { type: 'string' }, day: { type: 'string', format: 'date' } },
};

// Routes added to the test core's own server, so that the check is the one the harness turns
// on for every test. No database behaviour: once, on SQLite.
describe('Answers held to the response schema their route documents (test harness)', () => {
  let core: TestCore;
  let answer: unknown;
  let status = 200;

  before(async () => {
    core = await startTestCore();
    core.preau.server.route(
      toHapiRoute({
        method: 'GET',
        path: '/api/essai/lecon',
        summary: 'Une leçon',
        access: 'public',
        schemas: { response: lesson },
        handler: (_request, h) => h.response(answer as object).code(status),
      }),
    );
  });
  after(() => core?.close());
  beforeEach(() => {
    status = 200;
  });

  const get = () => core.anonymous().get('/api/essai/lecon');

  it('lets an answer that matches its schema through unchanged', async () => {
    answer = { title: 'Les fractions', day: '2026-09-03' };
    const response = await get();
    expect(response.statusCode).to.equal(200);
    expect(JSON.parse(response.payload)).to.deep.equal(answer);
  });

  it('checks what the client receives: a Date is sent, and checked, as its ISO text', async () => {
    answer = { title: 'Les fractions', day: new Date('2026-09-03T00:00:00Z') };
    const response = await get();
    expect(response.statusCode, response.payload).to.equal(500);
    expect(messageOf(response.payload)).to.contain('day : ');
  });

  it('answers 500 naming the route and the field when a property is missing', async () => {
    answer = { title: 'Les fractions' };
    const response = await get();
    expect(response.statusCode).to.equal(500);
    expect(messageOf(response.payload)).to.equal(
      'La réponse de GET /api/essai/lecon ne suit pas son schéma de réponse : day : ce champ est obligatoire',
    );
  });

  it('refuses a property the schema does not document', async () => {
    answer = { title: 'Les fractions', day: '2026-09-03', authorEmail: 'x@example.test' };
    const response = await get();
    expect(response.statusCode).to.equal(500);
    expect(messageOf(response.payload)).to.contain('ne suit pas son schéma');
  });

  it('checks JSON a route serialised itself', async () => {
    answer = JSON.stringify({ title: 42, day: '2026-09-03' });
    const response = await get();
    expect(response.statusCode).to.equal(500);
    expect(messageOf(response.payload)).to.contain('title : ');
  });

  it('leaves answers other than 200 alone (they are not the documented one)', async () => {
    status = 202;
    answer = { queued: true };
    expect((await get()).statusCode).to.equal(202);
  });

  it('leaves errors alone', async () => {
    const response = await core.anonymous().get('/api/me');
    expect(response.statusCode).to.equal(401);
  });
});

function messageOf(payload: string): string {
  return (JSON.parse(payload) as { message: string }).message;
}
