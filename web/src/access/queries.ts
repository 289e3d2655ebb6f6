/** Data hooks for users, teams and API tokens: TanStack Query over the typed client. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Role } from '../api/client.js';
import type { paths } from '../api/schema.js';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type CreateUserBody = Body<'/api/v1/users', 'post'>;
export type CreateTeamBody = Body<'/api/v1/teams', 'post'>;
export type CreateTokenBody = Body<'/api/v1/tokens', 'post'>;

// ---- users ----

export function useUsers(search: string) {
  const q = search.trim();
  return useInfiniteQuery({
    queryKey: ['users', 'list', { q }],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 50, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Everyone (up to 500), for pickers such as "add a team member". */
export function useAllUsers(enabled = true) {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 500 } } }))).data,
    enabled,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

// ---- teams ----

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/teams', { params: { query: { limit: 500 } } }))).data,
  });
}

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => unwrap(api.POST('/api/v1/teams', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useSetTeamMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { teamId: string; userId: string; role: 'member' | 'manager' }) =>
      unwrap(api.PUT('/api/v1/teams/{id}/members/{user_id}', { params: { path: { id: v.teamId, user_id: v.userId } }, body: { role: v.role } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useRemoveTeamMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { teamId: string; userId: string }) => unwrap(api.DELETE('/api/v1/teams/{id}/members/{user_id}', { params: { path: { id: v.teamId, user_id: v.userId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['teams'] }),
  });
}

// ---- API tokens ----

export function useTokens() {
  return useQuery({
    queryKey: ['tokens'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/tokens', { params: { query: { limit: 500 } } }))).data,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => unwrap(api.POST('/api/v1/tokens', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export const ROLE_HELP: Record<Role, string> = {
  admin: 'Everything, including users and tokens of others',
  manager: 'Configure services, schedules, policies and teams',
  responder: 'Acknowledge and resolve incidents',
  observer: 'Read only',
};
