import Hapi, { type Server } from '@hapi/hapi';

/** hapi alone: one route answering a small JSON. The ceiling any hapi application works under. */
export async function startBare(): Promise<Server> {
  const server = Hapi.server({ host: '127.0.0.1', port: 0 });
  server.route({
    method: 'GET',
    path: '/bonjour',
    handler: () => ({ message: 'Bonjour', ok: true }),
  });
  await server.start();
  return server;
}
