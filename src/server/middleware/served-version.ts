import type { MiddlewareHandler } from 'hono';
import type { Docent } from '../../service.js';
import { errorResponse } from '../errors.js';

/** Names the index version that answered, so a client can tell versions apart (and match `/api/health`). */
export const VERSION_HEADER = 'X-Index-Version';

/**
 * Which index version serves a request. While the first version loads, every request gets 503 with
 * `Retry-After` (health checks are answered before this, with `state: starting`). Afterwards each
 * request is pinned to the version current when it starts: a new version swapped in meanwhile serves
 * only later requests, so an answer's quotes and the texts `/api/sources` serves never mix versions.
 */
export function servedVersion(docent: Docent): MiddlewareHandler {
  return async (c, next) => {
    const { state, version } = docent.status;
    if (state === 'starting') {
      const response = errorResponse(c, 503, 'starting', 'Docent is loading its index: try again shortly');
      response.headers.set('Retry-After', '2');
      return response;
    }
    c.header(VERSION_HEADER, version);
    return docent.pin(() => next());
  };
}
