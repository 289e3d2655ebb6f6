/**
 * The typed API client. Paths, parameters and bodies come from `schema.ts`, generated from the
 * server's OpenAPI document by `npm run gen:api`. The session is an httpOnly cookie, so every
 * call is same-origin with credentials and no token ever lives in JavaScript.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

export type Schemas = components['schemas'];
export type User = Schemas['User'];
export type Team = Schemas['Team'];
export type Token = Schemas['Token'];
export type Problem = Schemas['Problem'];
export type FieldProblem = NonNullable<Problem['errors']>[number];
export type Role = User['role'];

export const ROLES: readonly Role[] = ['admin', 'manager', 'responder', 'observer'];

/** An RFC 9457 problem answer, thrown so TanStack Query sees it as the query's error. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fields: FieldProblem[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail || problem.title;
    this.fields = problem.errors ?? [];
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).status === 'number' && typeof (body as Problem).title === 'string';
}

function toApiError(body: unknown, response: Response): ApiError {
  if (isProblem(body)) return new ApiError(body);
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
  });
}

type Outcome = { data?: unknown; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the
 * problem+json answer (or a stand-in when the answer was not one, e.g. a proxy error).
 */
export async function unwrap<R extends Outcome>(call: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let outcome: R;
  try {
    outcome = await call;
  } catch (err) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: `Tocsin could not be reached${err instanceof Error ? `: ${err.message}` : ''}.`,
    });
  }
  if (!outcome.response.ok) throw toApiError(outcome.error, outcome.response);
  return outcome.data as Exclude<R['data'], undefined>;
}

/** Field name as the server reports it ("body/email", "email") -> the form's field name. */
export function fieldName(field: string): string {
  return field.replace(/^body\//, '');
}
