import type { Actor } from './access/actor.js';
import type { CommandContext } from './access/context.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { DatabaseHandle } from './platform/db/connect.js';
import type { Db } from './platform/db/transaction.js';
import type { Logger } from './platform/log.js';
import type { Metrics } from './platform/metrics.js';
import type { HttpServer } from './platform/http/server.js';

/** What routes reach through `app.deps`: the running service's shared parts. */
export interface AppDeps {
  db: Db;
  handle: DatabaseHandle;
  clock: Clock;
  config: Config;
  log: Logger;
  metrics: Metrics;
  version: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** The command context of a request: its database, clock and authenticated actor. */
    ctx(req: FastifyRequest): CommandContext;
    /** Every route with the policy it names, for the policy walk test and docs. */
    routeList: RouteInfo[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The policy rule this route needs (see access/policies.ts), or 'public'. Required. */
    policy?: string;
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  policy: string;
}

export type App = HttpServer;
