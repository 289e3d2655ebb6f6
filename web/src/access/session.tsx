/**
 * Who is signed in. The session itself is an httpOnly cookie set by POST /api/v1/session; the
 * console only ever asks GET /api/v1/me, which answers 401 when there is no valid session.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Role } from '../api/client.js';
import type { paths } from '../api/schema.js';

export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/v1/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** The signed-in actor, null when signed out; undefined while the first answer is on its way. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => unwrap(api.POST('/api/v1/session', { body })),
    onSuccess: async () => {
      // Nothing cached for a previous user may leak into this session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/session')),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
    },
  });
}

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in actor; only inside the signed-in shell. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside a signed-in session');
  return me;
}

const RANK: Record<Role, number> = { observer: 0, responder: 1, manager: 2, admin: 3 };

/** Whether the signed-in role is at least `role` (mirrors the server's policies; the server decides). */
export function useRoleAtLeast(role: Role): boolean {
  const me = useSession();
  return RANK[me.actor.role as Role] >= RANK[role];
}

export function rolesUpTo(role: string): Role[] {
  const r = RANK[role as Role] ?? 0;
  return (Object.keys(RANK) as Role[]).filter((x) => RANK[x] <= r).sort((a, b) => RANK[b] - RANK[a]);
}
