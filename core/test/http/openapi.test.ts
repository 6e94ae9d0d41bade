import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { required?: string[] }>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
};
type Operation = {
  operationId: string;
  summary: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: object }>;
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, { $ref?: string; content?: unknown }>;
  security: unknown[];
};

const alpha = fileURLToPath(
  new URL('../../../test/fixtures/plugins/dashboard-alpha', import.meta.url),
);

for (const engine of testEngines()) {
  describe(`GET /api/docs/openapi.json (${engine})`, () => {
    let core: TestCore;
    let doc: Document;
    before(async () => {
      core = await startTestCore({ engine, plugins: [alpha] });
      const response = await core.anonymous().get('/api/docs/openapi.json');
      expect(response.statusCode).to.equal(200);
      doc = JSON.parse(response.payload) as Document;
    });
    after(() => core?.close());

    it('is an OpenAPI 3.1 document, served without a session', () => {
      expect(doc.openapi).to.equal('3.1.0');
      expect(doc.info.title).to.contain('Préau');
      expect(doc.info.version).to.match(/^\d+\.\d+\.\d+/);
    });

    it('describes a public route as needing no session', () => {
      const login = doc.paths['/api/auth/login']?.post;
      expect(login?.summary).to.be.a('string').and.not.be.empty;
      expect(login?.security).to.deep.equal([]);
    });

    it('describes health as open to all, with more for a session (administrators)', () => {
      const health = doc.paths['/api/health']?.get;
      expect(health?.security).to.deep.equal([{}, { session: [] }]);
      expect(health?.responses['200']?.content).to.have.nested.property(
        'application/json.schema.required[0]',
        'status',
      );
    });

    it('gives a route’s request body the schema that validates it', () => {
      const put = doc.paths['/api/dashboard/layout']?.put;
      const schema = put?.requestBody?.content['application/json'].schema;
      expect(schema).to.include({ type: 'object', additionalProperties: false });
      expect(schema).to.have.nested.property('properties.widgets.items.properties.w.maximum', 4);
    });

    it('marks session routes with the session cookie and their error responses', () => {
      const put = doc.paths['/api/dashboard/layout']?.put;
      expect(put?.security).to.deep.equal([{ session: [] }]);
      expect(doc.components.securitySchemes.session).to.deep.include({
        type: 'apiKey',
        in: 'cookie',
        name: 'preau_sid',
      });
      for (const status of ['400', '401', '403', '404']) {
        expect(put?.responses[status]?.$ref).to.match(/^#\/components\/responses\//);
      }
      expect(doc.components.schemas.Error?.required).to.deep.equal([
        'statusCode',
        'error',
        'message',
      ]);
    });

    it('lists path and query parameters with their schemas', () => {
      const defaults = doc.paths['/api/admin/ecoles/{id}/dashboard-defaults/{profile}']?.get;
      expect(defaults?.parameters?.map((p) => `${p.in}:${p.name}:${p.required}`)).to.deep.equal([
        'path:id:true',
        'path:profile:true',
      ]);
      const data = doc.paths['/api/dashboard/data']?.get;
      expect(data?.parameters).to.have.length(1);
      expect(data?.parameters?.[0]).to.include({ name: 'widgets', in: 'query', required: false });
    });

    it('includes the routes of loaded plugins', () => {
      const hello = doc.paths['/api/plugins/dashboard-alpha/bonjour']?.get;
      expect(hello?.summary).to.equal('Dire bonjour (route de test)');
      expect(hello?.parameters?.map((p) => p.name)).to.deep.equal(['nom']);
    });

    it('gives every operation a unique operationId', () => {
      const ids = Object.values(doc.paths).flatMap((item) =>
        Object.values(item).map((operation) => operation.operationId),
      );
      expect(new Set(ids).size).to.equal(ids.length);
    });
  });
}
