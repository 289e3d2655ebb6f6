import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Domain errors carry their HTTP meaning; they are mapped to problem+json in one place. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export class ValidationFailed extends AppError {
  constructor(errors: FieldProblem[], detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ')) {
    super(400, 'validation', 'Invalid request', detail, errors);
  }
}

export const invalid = (field: string, message: string) => new ValidationFailed([{ field, message }]);

export class NotFound extends AppError {
  constructor(what: string, id?: string) {
    super(404, 'not-found', 'Not found', id ? `${what} ${id} does not exist` : `${what} does not exist`);
  }
}

export class Conflict extends AppError {
  constructor(detail: string, field?: string) {
    super(409, 'conflict', 'Conflict', detail, field ? [{ field, message: detail }] : []);
  }
}

export class Unauthorized extends AppError {
  constructor(detail = 'Sign in or send an API token in the Authorization header') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

export class Forbidden extends AppError {
  constructor(detail = 'Your role does not allow this') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemBody(req: FastifyRequest, e: AppError) {
  return {
    type: `/problems/${e.slug}`,
    title: e.title,
    status: e.status,
    detail: e.message,
    instance: req.url,
    request_id: req.id,
    ...(e.errors.length ? { errors: e.errors } : {}),
  };
}

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns Ajv's findings into field names a person can act on ("body/users/0: must be string"). */
export function fieldProblems(issues: AjvIssue[], context: string | undefined): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const issue of issues) {
    let field = (issue.instancePath ?? '').replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~');
    const p = issue.params ?? {};
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'required' && typeof p.missingProperty === 'string') {
      field = field ? `${field}/${p.missingProperty}` : p.missingProperty;
      message = 'is required';
    } else if (issue.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
      field = field ? `${field}/${p.additionalProperty}` : p.additionalProperty;
      message = 'is not a known field';
    } else if (issue.keyword === 'enum' && Array.isArray(p.allowedValues)) {
      message = `must be one of: ${p.allowedValues.join(', ')}`;
    }
    if (!field) field = context ?? 'body';
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, message });
  }
  return out;
}

/** The one place errors become HTTP answers. Nothing unexpected leaks its internals. */
export function errorHandler(error: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  let e: AppError;
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (error instanceof AppError) {
    e = error;
  } else if (fe.validation) {
    const errors = fieldProblems(fe.validation, fe.validationContext);
    e = new ValidationFailed(errors);
  } else if (fe.statusCode === 400 && (error.name === 'SyntaxError' || fe.code?.startsWith('FST_ERR_CTP_'))) {
    e = new AppError(400, 'malformed-json', 'Malformed JSON', `The body is not valid JSON: ${fe.message}`, [{ field: 'body', message: 'is not valid JSON' }]);
  } else if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    e = new AppError(413, 'body-too-large', 'Body too large', fe.message, [{ field: 'body', message: 'is too large' }]);
  } else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    e = new AppError(415, 'unsupported-media-type', 'Unsupported media type', 'Send JSON with Content-Type: application/json', [
      { field: 'content-type', message: 'must be application/json' },
    ]);
  } else if (fe.statusCode === 429) {
    e = new AppError(429, 'rate-limited', 'Too many requests', fe.message);
  } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    e = new AppError(fe.statusCode, 'bad-request', 'Bad request', fe.message);
  } else {
    req.log.error({ err: error }, 'unhandled error');
    e = new AppError(500, 'internal', 'Internal error', 'Something went wrong on our side; the request id is in the logs');
  }
  return reply.status(e.status).type(PROBLEM_CONTENT_TYPE).send(problemBody(req, e));
}
