/** Data hooks for incidents: the list, one incident with its alerts and timeline, and its commands. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.js';
import type { paths } from '../api/schema.js';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

export type Incident = Schemas['Incident'];
export type IncidentDetail = Ok<'/api/v1/incidents/{id}'>;
export type RecentChange = IncidentDetail['recent_changes'][number];
export type IncidentAlert = Schemas['Alert'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type IncidentNotification = Schemas['Notification'];
export type IncidentPage = Ok<'/api/v1/incidents'>;
export type CreateIncidentBody = Body<'/api/v1/incidents', 'post'>;

export const STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof STATUSES)[number];
export type Urgency = 'high' | 'low';

/** What the list shows; empty `status` means every status. */
export interface IncidentFilters {
  status: IncidentStatus[];
  service_id: string;
  urgency: Urgency | '';
}

export const INCIDENTS = ['incidents'] as const;
export const listKey = (f: IncidentFilters) => ['incidents', 'list', f] as const;
export const oneKey = (id: string) => ['incidents', 'one', id] as const;
export const alertsKey = (id: string) => ['incidents', 'alerts', id] as const;
export const timelineKey = (id: string) => ['incidents', 'timeline', id] as const;
export const notificationsKey = (id: string) => ['incidents', 'notifications', id] as const;

const PAGE = 50;

export function useIncidents(f: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: listKey(f),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/incidents', {
          params: {
            query: {
              limit: PAGE,
              ...(f.status.length ? { status: f.status } : {}),
              ...(f.service_id ? { service_id: f.service_id } : {}),
              ...(f.urgency ? { urgency: f.urgency } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Open incidents other than `exceptId`, for the merge picker. */
export function useOpenIncidents(exceptId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['incidents', 'open-for-merge'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/incidents', { params: { query: { limit: 200, status: ['triggered', 'acknowledged'] } } }))).data,
    select: (rows) => rows.filter((r) => r.id !== exceptId && !r.merged_into_id),
    enabled,
  });
}

export function useIncident(id: string) {
  return useQuery({ queryKey: oneKey(id), queryFn: () => unwrap(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })) });
}

export function useIncidentAlerts(id: string) {
  return useQuery({
    queryKey: alertsKey(id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/incidents/{id}/alerts', { params: { path: { id } } }))).data,
  });
}

/** The whole timeline (the API pages it oldest first), newest first for reading. */
export function useIncidentTimeline(id: string) {
  return useQuery({
    queryKey: timelineKey(id),
    queryFn: async () => {
      const all: TimelineEntry[] = [];
      let cursor = '';
      // A bound, so a runaway incident cannot make the page fetch forever.
      for (let i = 0; i < 20; i++) {
        const page = await unwrap(api.GET('/api/v1/incidents/{id}/timeline', { params: { path: { id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } } }));
        all.push(...page.data);
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      return all.reverse();
    },
  });
}

/** Statuses a notification soon moves on from by itself (a job sends it or bundles it). */
const WAITING = new Set(['queued', 'held']);

/**
 * Who was paged about an incident and how delivery went. Pages go out from jobs after the
 * incident's own events, so while anything is on its way (or the incident is open and may
 * escalate) it is read again every few seconds; live incident events refresh it too.
 */
export function useIncidentNotifications(id: string, open: boolean) {
  return useQuery({
    queryKey: notificationsKey(id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/incidents/{id}/notifications', { params: { path: { id } } }))).notifications,
    refetchInterval: (q) => {
      const rows = q.state.data;
      if (rows?.some((n) => WAITING.has(n.status))) return 4_000;
      // Open incidents escalate; sent messages may still be confirmed delivered or fail.
      if (open || rows?.some((n) => n.status === 'sent')) return 10_000;
      return false;
    },
  });
}

// ---- keeping the cache true ----

/** Whether the list with these filters shows this incident. */
export function matchesFilters(f: IncidentFilters, inc: Incident): boolean {
  if (f.status.length && !f.status.includes(inc.status as IncidentStatus)) return false;
  if (f.service_id && inc.service.id !== f.service_id) return false;
  if (f.urgency && inc.urgency !== f.urgency) return false;
  return true;
}

/**
 * Puts a fresh copy of an incident everywhere the cache shows it: its own page, and every
 * loaded list (replaced in place, dropped when it no longer matches the list's filters, or
 * inserted where it sorts when it newly does). Lists are newest first by id (UUIDv7).
 */
export function applyIncident(qc: QueryClient, inc: Incident): void {
  qc.setQueryData<IncidentDetail>(oneKey(inc.id), (old) => (old ? { ...old, ...inc } : old));
  for (const [key, data] of qc.getQueriesData<InfiniteData<IncidentPage, string>>({ queryKey: ['incidents', 'list'] })) {
    if (!data) continue;
    const filters = key[2] as IncidentFilters | undefined;
    if (!filters) continue;
    const wanted = matchesFilters(filters, inc);
    let found = false;
    let pages = data.pages.map((p) => {
      if (!p.data.some((r) => r.id === inc.id)) return p;
      found = true;
      return { ...p, data: wanted ? p.data.map((r) => (r.id === inc.id ? inc : r)) : p.data.filter((r) => r.id !== inc.id) };
    });
    if (!found && wanted) {
      const last = pages[pages.length - 1];
      const rows = pages.flatMap((p) => p.data);
      const oldest = rows[rows.length - 1];
      // Newer than the oldest loaded row, or everything is loaded: it belongs on screen.
      if (!last?.next_cursor || !oldest || inc.id > oldest.id) {
        let placed = false;
        pages = pages.map((p) => {
          if (placed) return p;
          const at = p.data.findIndex((r) => r.id < inc.id);
          if (at === -1 && p.next_cursor) return p;
          placed = true;
          const next = [...p.data];
          next.splice(at === -1 ? next.length : at, 0, inc);
          return { ...p, data: next };
        });
      }
    }
    qc.setQueryData<InfiniteData<IncidentPage, string>>(key, { ...data, pages });
  }
}

/** After a command: the answer goes into the cache at once, and the incident's details are read again. */
function settle(qc: QueryClient, inc: Incident) {
  applyIncident(qc, inc);
  void qc.invalidateQueries({ queryKey: timelineKey(inc.id) });
  void qc.invalidateQueries({ queryKey: alertsKey(inc.id) });
  void qc.invalidateQueries({ queryKey: notificationsKey(inc.id) });
  void qc.invalidateQueries({ queryKey: ['incidents', 'list'], refetchType: 'none' });
}

// ---- commands ----

export function useCreateIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIncidentBody) => unwrap(api.POST('/api/v1/incidents', { body })),
    onSuccess: (inc) => applyIncident(qc, inc),
  });
}

const p = (id: string) => ({ params: { path: { id } } });

/** Each incident command, by verb; every one answers with the incident as it now is. */
export const COMMANDS = {
  acknowledge: (id: string) => unwrap(api.POST('/api/v1/incidents/{id}/acknowledge', p(id))),
  unacknowledge: (id: string) => unwrap(api.POST('/api/v1/incidents/{id}/unacknowledge', p(id))),
  resolve: (id: string, body: { message?: string } = {}) => unwrap(api.POST('/api/v1/incidents/{id}/resolve', { ...p(id), body })),
  snooze: (id: string, body: { duration_seconds: number }) => unwrap(api.POST('/api/v1/incidents/{id}/snooze', { ...p(id), body })),
  reassign: (id: string, body: { assignees: string[] }) => unwrap(api.POST('/api/v1/incidents/{id}/reassign', { ...p(id), body })),
  escalate: (id: string, body: { level: number }) => unwrap(api.POST('/api/v1/incidents/{id}/escalate', { ...p(id), body })),
  merge: (id: string, body: { source_incident_ids: string[] }) => unwrap(api.POST('/api/v1/incidents/{id}/merge', { ...p(id), body })),
  urgency: (id: string, body: { urgency: Urgency }) => unwrap(api.POST('/api/v1/incidents/{id}/urgency', { ...p(id), body })),
  priority: (id: string, body: { priority: string | null }) => unwrap(api.POST('/api/v1/incidents/{id}/priority', { ...p(id), body })),
} as const;

type Commands = typeof COMMANDS;

/** One command as a mutation: `useIncidentCommand('snooze').mutate({ id, body })`. */
export function useIncidentCommand<K extends keyof Commands>(verb: K) {
  const qc = useQueryClient();
  type Args = Parameters<Commands[K]>;
  return useMutation({
    mutationFn: (v: { id: string; body?: Args[1] }) => (COMMANDS[verb] as (id: string, body?: Args[1]) => Promise<Incident>)(v.id, v.body),
    onSuccess: (inc, v) => {
      settle(qc, inc);
      // A merge changes the other incidents too.
      if (verb === 'merge') void qc.invalidateQueries({ queryKey: INCIDENTS });
      if (v.id !== inc.id) void qc.invalidateQueries({ queryKey: oneKey(v.id) });
    },
  });
}

export function useAddNote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; content: string }) => unwrap(api.POST('/api/v1/incidents/{id}/notes', { ...p(v.id), body: { content: v.content } })),
    onSuccess: (_entry, v) => qc.invalidateQueries({ queryKey: timelineKey(v.id) }),
  });
}

export function usePostStatusUpdate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; message: string }) => unwrap(api.POST('/api/v1/incidents/{id}/status-updates', { ...p(v.id), body: { message: v.message } })),
    onSuccess: (_entry, v) => qc.invalidateQueries({ queryKey: timelineKey(v.id) }),
  });
}
