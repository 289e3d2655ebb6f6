import type { Role } from './roles.js';

/** Who is acting: a signed-in user, an API token (optionally tied to a user), or Tocsin itself. */
export interface Actor {
  type: 'user' | 'token' | 'system';
  /** user id or token id; null for the system */
  id: string | null;
  /** the person behind the action, when there is one */
  userId: string | null;
  role: Role;
  name: string;
}

export const systemActor: Actor = { type: 'system', id: null, userId: null, role: 'admin', name: 'Tocsin' };
