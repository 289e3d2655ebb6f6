import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../support/app.js';

// Small helpers for the on-call integration tests.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const ms = (iso: string) => Date.parse(iso);
export const iso = (at: number) => new Date(at).toISOString();

export function json<T>(res: LightMyRequestResponse): T {
  return res.json<T>();
}

// Wire shapes, as far as the tests read them.
export interface UserJson {
  id: string;
  name: string;
  email: string;
}
export interface SpanJson {
  start: string;
  end: string;
}
export interface ShiftJson extends SpanJson {
  user: UserJson;
  source: string;
  layer_id: string | null;
  override_id: string | null;
  covering_for: UserJson | null;
}
export interface ShiftsJson {
  time_zone: string;
  final: ShiftJson[];
  layers: Array<{ id: string; name: string; shifts: ShiftJson[]; gaps: SpanJson[] }>;
  gaps: SpanJson[];
}
export interface LayerVersionJson {
  users: string[];
  rotation: { type: string; length: number | null; handoff_time: string; handoff_day: number | null };
  restrictions: unknown[];
  skip_unavailable: boolean;
  rotation_start: string;
  effective_from: string;
}
export interface LayerJson extends LayerVersionJson {
  id: string;
  name: string;
  start: string;
  end: string | null;
  history: LayerVersionJson[];
}
export interface ScheduleJson {
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  time_zone: string;
  layers: LayerJson[];
  ical_url: string;
  has_gap_next_7_days: boolean;
  next_gap: SpanJson | null;
}
export interface OncallJson extends SpanJson {
  schedule: { id: string; name: string };
  user: UserJson;
  source: string;
}
export interface SwapJson {
  id: string;
  status: string;
}
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** Asserts a 400 whose problem names `field` (exactly). */
export function expectFieldError(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  const fields = (res.json().errors as Array<{ field: string }>).map((e) => e.field);
  expect(fields, res.body).toContain(field);
}

export async function makeUser(t: TestApp, name: string, timeZone = 'UTC', role = 'responder'): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.test`;
  const res = await t.request('admin', 'POST', '/api/v1/users', { email, name, time_zone: timeZone, role });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export interface LayerBody {
  id?: string;
  name?: string;
  start: string;
  end?: string | null;
  users: string[];
  rotation: { type: string; length?: number; handoff_time: string; handoff_day?: number | null };
  restrictions?: unknown[];
  skip_unavailable?: boolean;
  rotation_start?: string;
}

export function layer(fields: LayerBody): Required<Pick<LayerBody, 'name'>> & LayerBody {
  return { name: 'Primary', ...fields };
}

export async function makeSchedule(t: TestApp, body: Record<string, unknown>): Promise<ScheduleJson> {
  const res = await t.request('manager', 'POST', '/api/v1/schedules', { name: `Schedule ${Math.random().toString(36).slice(2, 8)}`, time_zone: 'UTC', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ScheduleJson>();
}

export async function shifts(t: TestApp, id: string, since: string, until: string): Promise<ShiftsJson> {
  const res = await t.request('observer', 'GET', `/api/v1/schedules/${id}/shifts?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ShiftsJson>();
}

/** Final shifts as [user id, start, end] triples. */
export function finalOf(body: ShiftsJson): Array<[string, string, string]> {
  return body.final.map((s): [string, string, string] => [s.user.id, s.start, s.end]);
}
