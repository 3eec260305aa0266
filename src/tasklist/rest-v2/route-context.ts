import type { FastifyRequest } from 'fastify';
import type { Caller } from '../domain/caller';
import type { TasklistStore } from '../store/tasklist-store';

/**
 * What every v2 route module needs from the plugin. It lives apart from the
 * plugin so the route modules do not import the module that imports them.
 */
export interface V2RouteContext {
  store: TasklistStore;
  previewLimit: number;
  /** The verified caller of a request (the authentication hook ran first). */
  caller: (request: FastifyRequest) => Caller;
}
