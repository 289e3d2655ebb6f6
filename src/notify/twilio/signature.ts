import type { FastifyRequest } from 'fastify';
import type { App } from '../../app-context.js';
import { AppError } from '../../platform/http/errors.js';
import { verifyTwilioSignature } from '../channels/twilio.js';

// Every request Twilio sends to Tocsin is checked with the official package's X-Twilio-Signature
// validation over the URL Twilio requested (the public URL plus the path and query string as
// received) and the form parameters. It runs before schema validation, so an unsigned request
// learns nothing about what the route expects.

export type FormParams = Record<string, string | string[]>;

/** application/x-www-form-urlencoded as Twilio sends it; a repeated name keeps every value (the signature covers them all). */
export function parseForm(body: string): FormParams {
  const out: FormParams = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

function paramsOf(body: unknown): FormParams {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as FormParams) : {};
}

export function twilioSignatureCheck(app: App) {
  return async (req: FastifyRequest): Promise<void> => {
    const twilio = app.deps.config.twilio;
    if (!twilio) {
      throw new AppError(503, 'twilio-not-configured', 'Twilio is not configured', 'Set TOCSIN_TWILIO_ACCOUNT_SID, TOCSIN_TWILIO_AUTH_TOKEN and TOCSIN_TWILIO_FROM to accept requests from Twilio');
    }
    const header = req.headers['x-twilio-signature'];
    const signature = typeof header === 'string' ? header : undefined;
    const url = `${app.deps.config.publicUrl.replace(/\/$/, '')}${req.url}`;
    if (verifyTwilioSignature(twilio.authToken, url, paramsOf(req.body), signature)) return;
    req.log.warn({ route: req.routeOptions.url, signed: signature !== undefined }, 'refused a Twilio request with a missing or wrong signature');
    throw new AppError(403, 'bad-twilio-signature', 'Forbidden', 'Only Twilio may call this URL: the X-Twilio-Signature header is missing or does not match', [
      { field: 'x-twilio-signature', message: signature === undefined ? 'is missing' : 'does not match this URL, these parameters and the auth token (is TOCSIN_PUBLIC_URL the URL set in Twilio?)' },
    ]);
  };
}
