/** Data hooks for schedules, shifts, overrides, time off, shift swaps and who is on call. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.js';
import type { paths } from '../api/schema.js';

type Body<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

export type Schedule = Schemas['Schedule'];
export type Override = Schemas['ScheduleOverride'];
export type ShiftSwap = Schemas['ShiftSwap'];
export type TimeOff = Schemas['TimeOff'];
export type Shifts = Ok<'/api/v1/schedules/{id}/shifts', 'get'>;
export type Shift = Shifts['final'][number];
export type Span = Shifts['gaps'][number];
type OncallAnswer = Ok<'/api/v1/oncalls', 'get'>['data'][number];
/** An entry of GET /oncalls asked without escalation_policy_ids: always someone's shift on a schedule. */
export type OncallEntry = Exclude<OncallAnswer, { escalation_level: number }>;
export type CreateScheduleBody = Body<'/api/v1/schedules', 'post'>;
export type LayerInput = NonNullable<CreateScheduleBody['layers']>[number];
export type RotationInput = LayerInput['rotation'];
export type CreateOverrideBody = Body<'/api/v1/schedules/{id}/overrides', 'post'>;
export type CreateTimeOffBody = Body<'/api/v1/users/{id}/time-off', 'post'>;
export type OfferSwapBody = Body<'/api/v1/shift-swaps', 'post'>;

/**
 * Everything that changes when who is on call changes. Mutations do not wait for the refetch:
 * the caller's own onSuccess (close a form, say what happened) runs at once.
 */
function invalidateOnCall(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['schedules'] }),
    qc.invalidateQueries({ queryKey: ['oncalls'] }),
    qc.invalidateQueries({ queryKey: ['shift-swaps'] }),
  ]);
}

// ---- schedules ----

/** Every schedule (up to 500), for the list and the home page. */
export function useSchedules() {
  return useQuery({
    queryKey: ['schedules', 'list'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/schedules', { params: { query: { limit: 500 } } }))).data,
  });
}

export function useSchedule(id: string) {
  return useQuery({
    queryKey: ['schedules', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/schedules/{id}', { params: { path: { id } } })),
  });
}

export function useCreateSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateScheduleBody) => unwrap(api.POST('/api/v1/schedules', { body })),
    onSuccess: () => void invalidateOnCall(qc),
  });
}

/** Final and per-layer shifts over [since, until). */
export function useShifts(id: string, since: string, until: string, enabled = true) {
  return useQuery({
    queryKey: ['schedules', 'shifts', id, since, until],
    queryFn: () => unwrap(api.GET('/api/v1/schedules/{id}/shifts', { params: { path: { id }, query: { since, until } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ---- overrides ----

export function useOverrides(id: string, since: string, until: string) {
  return useQuery({
    queryKey: ['schedules', 'overrides', id, since, until],
    queryFn: async () => (await unwrap(api.GET('/api/v1/schedules/{id}/overrides', { params: { path: { id }, query: { since, until, limit: 500 } } }))).data,
    placeholderData: keepPreviousData,
  });
}

export function useCreateOverride(scheduleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOverrideBody) => unwrap(api.POST('/api/v1/schedules/{id}/overrides', { params: { path: { id: scheduleId } }, body })),
    onSuccess: () => void invalidateOnCall(qc),
  });
}

export function useDeleteOverride(scheduleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (overrideId: string) =>
      unwrap(api.DELETE('/api/v1/schedules/{id}/overrides/{override_id}', { params: { path: { id: scheduleId, override_id: overrideId } } })),
    onSuccess: () => void invalidateOnCall(qc),
  });
}

// ---- who is on call ----

/** Who is on call now in every schedule (refreshed every minute). */
export function useOncallsNow() {
  return useQuery({
    queryKey: ['oncalls', 'now'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/oncalls'))).data as OncallEntry[],
    refetchInterval: 60_000,
  });
}

// ---- time off ----

/** A person's time off that has not ended yet. */
export function useTimeOff(userId: string | undefined) {
  return useQuery({
    queryKey: ['time-off', userId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/users/{id}/time-off', { params: { path: { id: userId! }, query: { since: new Date().toISOString(), limit: 500 } } }))).data,
    enabled: Boolean(userId),
  });
}

export function useCreateTimeOff(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTimeOffBody) => unwrap(api.POST('/api/v1/users/{id}/time-off', { params: { path: { id: userId } }, body })),
    onSuccess: () => void Promise.all([qc.invalidateQueries({ queryKey: ['time-off', userId] }), invalidateOnCall(qc)]),
  });
}

export function useDeleteTimeOff(userId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (timeOffId: string) => unwrap(api.DELETE('/api/v1/users/{id}/time-off/{time_off_id}', { params: { path: { id: userId, time_off_id: timeOffId } } })),
    onSuccess: () => void Promise.all([qc.invalidateQueries({ queryKey: ['time-off', userId] }), invalidateOnCall(qc)]),
  });
}

// ---- shift swaps ----

/** A schedule's swap offers still open. */
export function useOpenSwaps(scheduleId: string) {
  return useQuery({
    queryKey: ['shift-swaps', scheduleId, 'offered'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/shift-swaps', { params: { query: { schedule_id: scheduleId, status: 'offered', limit: 500 } } }))).data,
  });
}

export function useOfferSwap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OfferSwapBody) => unwrap(api.POST('/api/v1/shift-swaps', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['shift-swaps'] }),
  });
}

export function useTakeSwap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/shift-swaps/{id}/take', { params: { path: { id } } })),
    onSuccess: () => void invalidateOnCall(qc),
  });
}

export function useCancelSwap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/shift-swaps/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['shift-swaps'] }),
  });
}
