import type { HttpServer } from './server.js';

/** Serves the generated OpenAPI 3.1 document at a stable, versioned path. */
export function registerOpenApiRoute(app: HttpServer): void {
  app.get('/api/v1/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
