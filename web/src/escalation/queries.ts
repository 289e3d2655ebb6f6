/** Data hooks for escalation policies: the list (searchable), one policy, and its commands. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.js';
import type { paths } from '../api/schema.js';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Policy = Schemas['EscalationPolicy'];
export type PolicyLevel = Policy['levels'][number];
export type PolicyBody = Body<'/api/v1/escalation-policies', 'post'>;
export type LevelBody = PolicyBody['levels'][number];
export type TargetBody = LevelBody['targets'][number];
export type TargetType = TargetBody['type'];

const POLICIES = ['escalation-policies'] as const;
const oneKey = (id: string) => ['escalation-policies', 'one', id] as const;

/** Policies whose name matches `search` (up to 200), sorted by name. */
export function usePolicies(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: ['escalation-policies', 'list', { q }],
    queryFn: async () => (await unwrap(api.GET('/api/v1/escalation-policies', { params: { query: { limit: 200, ...(q ? { q } : {}) } } }))).data,
    select: (rows) => [...rows].sort((a, b) => a.name.localeCompare(b.name)),
    placeholderData: keepPreviousData,
  });
}

/** Every policy, for pickers (the service form) and names (the service page). */
export function useAllPolicies(enabled = true) {
  return useQuery({
    queryKey: ['escalation-policies', 'list', { q: '' }],
    queryFn: async () => (await unwrap(api.GET('/api/v1/escalation-policies', { params: { query: { limit: 200 } } }))).data,
    select: (rows) => [...rows].sort((a, b) => a.name.localeCompare(b.name)),
    enabled,
  });
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: oneKey(id), queryFn: () => unwrap(api.GET('/api/v1/escalation-policies/{id}', { params: { path: { id } } })), enabled: Boolean(id) });
}

export function useCreatePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyBody) => unwrap(api.POST('/api/v1/escalation-policies', { body })),
    onSuccess: (p) => {
      qc.setQueryData(oneKey(p.id), p);
      return qc.invalidateQueries({ queryKey: [...POLICIES, 'list'] });
    },
  });
}

/** Saves the whole policy (PUT: what the form shows is what is stored). */
export function useSavePolicy(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyBody) => unwrap(api.PUT('/api/v1/escalation-policies/{id}', { params: { path: { id } }, body })),
    onSuccess: (p) => {
      qc.setQueryData(oneKey(id), p);
      return qc.invalidateQueries({ queryKey: [...POLICIES, 'list'] });
    },
  });
}

export function useDeletePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/escalation-policies/{id}', { params: { path: { id } } })),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: oneKey(id) });
      return qc.invalidateQueries({ queryKey: [...POLICIES, 'list'] });
    },
  });
}

/** People and schedules whose name matches `search`, for the target picker (a few of each). */
export function useTargetSearch(search: string, enabled: boolean) {
  const q = search.trim();
  const users = useQuery({
    queryKey: ['users', 'search', q],
    queryFn: async () => (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 20, ...(q ? { q } : {}) } } }))).data,
    placeholderData: keepPreviousData,
    enabled,
  });
  const schedules = useQuery({
    queryKey: ['schedules', 'search', q],
    queryFn: async () => (await unwrap(api.GET('/api/v1/schedules', { params: { query: { limit: 20, ...(q ? { q } : {}) } } }))).data,
    placeholderData: keepPreviousData,
    enabled,
  });
  return { users, schedules };
}
