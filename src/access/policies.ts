import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * Who may do what. Each resource declares its rules in its own `policy.ts` and registers them
 * here; every route names the rule it needs (`config.policy`), and the app refuses to start a
 * route that names none. A rule lists the roles allowed, and `self` lets anyone act on their own
 * user record (the route's `:id`, or the `:user_id` it nests under).
 */
export interface Rule {
  roles: readonly Role[];
  self?: boolean;
}

export const EVERYONE: readonly Role[] = ['admin', 'manager', 'responder', 'observer'];
export const WRITERS: readonly Role[] = ['admin', 'manager', 'responder'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];

/** Routes that need no credentials (health, login, the console's files, documented webhooks). */
export const PUBLIC = 'public';

const rules = new Map<string, Rule>();

export function definePolicy(resource: string, actions: Record<string, Rule>): void {
  for (const [action, rule] of Object.entries(actions)) {
    const name = `${resource}.${action}`;
    if (rules.has(name)) throw new Error(`policy ${name} is defined twice`);
    rules.set(name, rule);
  }
}

export function ruleFor(policy: string): Rule | undefined {
  return rules.get(policy);
}

export function allPolicies(): ReadonlyMap<string, Rule> {
  return rules;
}

/** Role-level decision; `targetUserId` is the user the request is about, when it is one. */
export function allows(actor: Actor, policy: string, targetUserId?: string | null): boolean {
  const rule = rules.get(policy);
  if (!rule) return false;
  if (rule.roles.includes(actor.role)) return true;
  return Boolean(rule.self && targetUserId && actor.userId === targetUserId);
}
