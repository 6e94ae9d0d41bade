import { expect } from 'chai';

import { PreauApiClient, PreauApiError, withQuery } from '../../src/widget/api-client.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records calls and answers what the test says. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answer();
  };
  return { calls, fetch: fetch };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

async function rejection(promise: Promise<unknown>): Promise<PreauApiError> {
  return promise.then(
    () => {
      throw new Error('la promesse aurait dû échouer');
    },
    (error: PreauApiError) => error,
  );
}

describe('@preau/sdk/widget: PreauApiClient', () => {
  it('sends same-origin cookies and asks for JSON', async () => {
    const { calls, fetch } = fakeFetch(() => json(200, { ok: true }));
    const body = await new PreauApiClient({ fetch }).get('/api/health');
    expect(body).to.deep.equal({ ok: true });
    expect(calls[0]?.init.credentials).to.equal('same-origin');
    expect((calls[0]?.init.headers as Record<string, string>).accept).to.equal('application/json');
  });

  it('sends bodies as JSON, with the shell’s extra headers', async () => {
    const { calls, fetch } = fakeFetch(() => json(201, { id: 3 }));
    const api = new PreauApiClient({ fetch, headers: { 'x-preau-csrf': 'jeton' } });
    await api.put('/api/plugins/menu-cantine/menus/2026-09-01', { courses: {} });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(calls[0]?.init.method).to.equal('PUT');
    expect(calls[0]?.init.body).to.equal('{"courses":{}}');
    expect(headers['content-type']).to.equal('application/json');
    expect(headers['x-preau-csrf']).to.equal('jeton');
  });

  it('says JSON on a write without a body, which core requires against CSRF', async () => {
    const { calls, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = new PreauApiClient({ fetch });
    await api.delete('/api/plugins/menu-cantine/menus/2026-09-01');
    await api.get('/api/health');
    const [write, read] = calls.map((call) => call.init.headers as Record<string, string>);
    expect(calls[0]?.init.body).to.equal(undefined);
    expect(write?.['content-type']).to.equal('application/json');
    expect(read?.['content-type']).to.equal(undefined);
  });

  it('resolves to undefined on 204', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await new PreauApiClient({ fetch }).delete('/api/x')).to.equal(undefined);
  });

  it('rejects with the server’s French message and keeps the faulty fields', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, {
        message: 'Données envoyées invalides : date : ce champ est obligatoire',
        problems: [{ field: 'date', message: 'ce champ est obligatoire' }],
      }),
    );
    const error = await rejection(new PreauApiClient({ fetch }).post('/api/x', {}));
    expect(error).to.be.instanceOf(PreauApiError);
    expect(error.status).to.equal(400);
    expect(error.message).to.equal('Données envoyées invalides : date : ce champ est obligatoire');
    expect(error.problems).to.deep.equal([{ field: 'date', message: 'ce champ est obligatoire' }]);
  });

  it('says in French what a status means when the server gave no message', async () => {
    const { fetch } = fakeFetch(() => new Response('', { status: 403 }));
    const error = await rejection(new PreauApiClient({ fetch }).get('/api/x'));
    expect(error.message).to.equal('Vous n’avez pas le droit de faire cela.');
    expect(error.problems).to.deep.equal([]);
  });

  it('says in French when the server cannot be reached', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(new PreauApiClient({ fetch }).get('/api/x'));
    expect(error.status).to.equal(0);
    expect(error.message).to.contain('Le serveur ne répond pas');
  });

  it('lets an aborted call reject as an abort, not as a server problem', async () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const { fetch } = fakeFetch(() => Promise.reject(abort));
    const error = await rejection(new PreauApiClient({ fetch }).get('/api/x'));
    expect(error).to.equal(abort);
  });

  it('gives plugin-relative paths under /api/plugins/<id>, with a query', async () => {
    const { calls, fetch } = fakeFetch(() => json(200, {}));
    const menus = new PreauApiClient({ fetch, baseUrl: 'https://ent.example.fr/' }).pluginApi(
      'menu-cantine',
    );
    await menus.get('/menus', { query: { week: '2026-W36', vide: undefined } });
    await menus.delete('menus/2026-09-01');
    expect(calls.map((call) => call.url)).to.deep.equal([
      'https://ent.example.fr/api/plugins/menu-cantine/menus?week=2026-W36',
      'https://ent.example.fr/api/plugins/menu-cantine/menus/2026-09-01',
    ]);
  });

  it('adds query values to a path that already has some', () => {
    expect(withQuery('/x?a=1', { b: 'deux mots', c: null })).to.equal('/x?a=1&b=deux+mots');
    expect(withQuery('/x', {})).to.equal('/x');
  });
});
