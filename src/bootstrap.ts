import { systemActor } from './access/actor.js';
import type { CommandContext } from './access/context.js';
import { ensureAdminToken } from './access/tokens/commands.js';
import { createUser } from './access/users/commands.js';
import { countUsers } from './access/users/queries.js';
import type { AppDeps } from './app-context.js';
import { randomSecret } from './platform/crypto.js';

export interface BootstrapResult {
  /** Set on the very first start: how the first admin signs in. */
  firstAdmin: { email: string; password: string; generated: boolean } | null;
  adminTokenCreated: boolean;
}

/** First-start setup: the first admin, and the automation token named by TOCSIN_ADMIN_TOKEN. */
export async function bootstrap(deps: AppDeps): Promise<BootstrapResult> {
  const ctx: CommandContext = { db: deps.db, clock: deps.clock, actor: systemActor };
  let firstAdmin: BootstrapResult['firstAdmin'] = null;
  if ((await countUsers(deps.db)) === 0) {
    const password = deps.config.adminPassword ?? randomSecret(12);
    await createUser(ctx, { email: deps.config.adminEmail, name: 'Administrator', role: 'admin', password, time_zone: 'UTC' });
    firstAdmin = { email: deps.config.adminEmail, password, generated: deps.config.adminPassword === null };
  }
  const adminTokenCreated = deps.config.adminToken ? await ensureAdminToken(ctx, deps.config.adminToken) : false;
  return { firstAdmin, adminTokenCreated };
}
