import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';

/**
 * hapi's own messages are English and sometimes vague; people using Préau read French. This
 * maps the ones a client can trigger to sentences that say what to do, and makes sure no
 * server error ever shows a stack trace or SQL to the client.
 */
export function registerErrorMessages(server: Server): void {
  server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
    const response = request.response;
    if (!Boom.isBoom(response)) return h.continue;
    const payload = response.output.payload as unknown as Record<string, unknown>;
    const status = response.output.statusCode;
    const translated = translations.get(String(payload.message));
    if (translated) payload.message = translated;
    else if (status === 404 && payload.message === 'Not Found') {
      payload.message = 'Cette adresse n’existe pas ou ne vous est pas accessible.';
    } else if (status >= 500) {
      request.log(['error'], response);
      payload.message = 'Une erreur inattendue est survenue ; réessayez dans un instant.';
    }
    return h.continue;
  });
}

const translations = new Map<string, string>([
  ['Invalid request payload JSON format', 'Le corps de la requête n’est pas du JSON valide.'],
  [
    'Unsupported Media Type',
    'Format non pris en charge : envoyez du JSON (Content-Type: application/json).',
  ],
  [
    'Payload content length greater than maximum allowed: 1048576',
    'Les données envoyées dépassent 1 Mo.',
  ],
  ['Method Not Allowed', 'Cette action n’est pas possible à cette adresse.'],
  ['Invalid cookie value', 'Cookie de session illisible : reconnectez-vous.'],
]);
