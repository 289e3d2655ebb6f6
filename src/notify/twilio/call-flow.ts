import type { Actor } from '../../access/actor.js';
import { createIncident } from '../../incidents/commands/create-incident.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/transaction.js';
import { actOn, mayAct, responderActor, responderById } from './act.js';
import { getCallMenu } from './call-routing.js';
import { nextCandidate, type PhoneCandidate } from './call-routing-people.js';
import { dial, emptyVoice, menu, menuPrompt, promptAgain, sayAndHangUp } from './twiml.js';
import { twilioUrl } from './urls.js';

// Live call routing: an inbound call hears the menu, picks a service, gets an incident opened
// in its name and is connected to that service's on-call people one by one, level by level.
// The call's state (incident, level, who was tried) travels in the Dial action URL, which
// Twilio's signature covers, so nothing is stored per call.

export interface CallDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** The Twilio number: the caller id the on-call person sees. */
  twilioNumber: string;
}

/** How long a person's phone rings before the next one is tried. */
export const DIAL_TIMEOUT_S = 20;

/** The caller as the timeline names them: "Phone call from +15551234567". */
export function callerActor(caller: string): Actor {
  return { type: 'system', id: null, userId: null, role: 'admin', name: `Phone call from ${caller}` };
}

function callerOf(from: string | undefined): string {
  const f = (from ?? '').trim();
  return /^\+?\d{3,15}$/.test(f) ? f : 'an unknown number';
}

export async function answerInbound(deps: CallDeps, retry: boolean): Promise<string> {
  const m = await getCallMenu(deps.db);
  if (m.entries.length === 0) return sayAndHangUp([m.greeting, 'This number has no phone menu set up yet. Goodbye.']);
  const action = twilioUrl(deps.publicUrl, '/voice/route');
  return menu(m.greeting, m.entries, action, retry ? null : twilioUrl(deps.publicUrl, '/voice/inbound', { retry: 1 }));
}

function dialStatusUrl(deps: CallDeps, incidentId: string, level: number, tried: readonly string[]): string {
  return twilioUrl(deps.publicUrl, '/voice/dial-status', { incident: incidentId, level, tried: tried.join(',') });
}

function ring(deps: CallDeps, lines: string[], incidentId: string, next: PhoneCandidate, tried: readonly string[]): string {
  return dial(lines, next.number, { action: dialStatusUrl(deps, incidentId, next.level, [...tried, next.userId]), callerId: deps.twilioNumber, timeoutS: DIAL_TIMEOUT_S });
}

export interface RouteParams {
  Digits?: string;
  From?: string;
  To?: string;
  CallSid?: string;
}

export async function routeCall(deps: CallDeps, p: RouteParams, retry: boolean): Promise<string> {
  const m = await getCallMenu(deps.db);
  const entry = m.entries.find((e) => String(e.digit) === (p.Digits ?? '').trim());
  if (!entry) {
    if (m.entries.length === 0) return sayAndHangUp(['This number has no phone menu set up yet. Goodbye.']);
    if (retry) return sayAndHangUp(['That is not an option. Goodbye.']);
    return promptAgain(twilioUrl(deps.publicUrl, '/voice/route', { retry: 1 }), 'That is not an option.', menuPrompt(m.entries), 'No choice was made. Goodbye.');
  }
  const caller = callerOf(p.From);
  const inc = await createIncident(
    { db: deps.db, clock: deps.clock, actor: callerActor(caller) },
    {
      service_id: entry.service_id,
      title: `Phone call from ${caller}: ${entry.label}`,
      description: `${caller} called ${p.To ?? 'the Tocsin number'} and pressed ${entry.digit} (${entry.label}).${p.CallSid ? ` Twilio call ${p.CallSid}.` : ''}`,
    },
  );
  const number = Number(inc.number);
  const next = await nextCandidate(deps.db, entry.service_id, 1, new Set(), deps.clock.now());
  if (!next) return sayAndHangUp([`Incident ${number} is open for ${entry.label}.`, 'Nobody on call can be reached by phone right now; the on-call people are being paged. Goodbye.']);
  return ring(deps, [`Incident ${number} is open for ${entry.label}. Connecting you to the person on call.`], inc.id, next, []);
}

export interface DialStatusQuery {
  incident: string;
  level: number;
  tried: string;
}

export interface DialStatusParams {
  DialCallStatus?: string;
  CallStatus?: string;
}

export async function afterDial(deps: CallDeps, q: DialStatusQuery, p: DialStatusParams): Promise<string> {
  // The caller hung up: Twilio ignores whatever comes back.
  if (p.CallStatus === 'completed' || p.CallStatus === 'canceled') return emptyVoice();
  const inc = await deps.db.selectFrom('incidents').select(['id', 'number', 'status', 'service_id']).where('id', '=', q.incident).executeTakeFirst();
  if (!inc) return sayAndHangUp(['Goodbye.']);
  const tried = q.tried.split(',').filter((t) => t !== '');
  const dialed = tried.at(-1) ?? null;
  const status = (p.DialCallStatus ?? '').toLowerCase();
  if (status === 'completed' || status === 'answered') {
    // One Number per Dial, so the person who answered is the last one tried.
    const responder = await responderById(deps.db, dialed);
    if (responder && inc.status === 'triggered') {
      const actor = responderActor(responder, 'phone');
      if (mayAct(actor)) await actOn(deps, actor, 'acknowledge', [inc.id]);
    }
    return sayAndHangUp(['Goodbye.']);
  }
  const number = Number(inc.number);
  if (inc.status === 'resolved') return sayAndHangUp([`Incident ${number} has been resolved meanwhile. Goodbye.`]);
  const next = await nextCandidate(deps.db, inc.service_id, q.level, new Set(tried), deps.clock.now());
  if (!next) return sayAndHangUp([`Nobody answered. Incident ${number} stays open and the on-call people are being paged. Goodbye.`]);
  return ring(deps, ['Nobody answered. Trying the next person on call.'], inc.id, next, tried);
}
