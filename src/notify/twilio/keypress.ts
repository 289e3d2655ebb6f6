import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/transaction.js';
import { notificationById } from '../records.js';
import { actOn, describeResults, incidentIdsOf, mayAct, responderActor, responderById } from './act.js';
import type { ReplyAction } from './replies.js';
import { KEYPRESS_PROMPT, promptAgain, sayAndHangUp } from './twiml.js';

// A key pressed during a page call. The call is about one delivery record (its id is in the
// URL Twilio was given, which Twilio's signature covers), so the person and the incidents are
// the record's.

const KEYS: Record<string, ReplyAction> = { '4': 'acknowledge', '6': 'resolve' };

export async function answerKeypress(deps: { db: Db; clock: Clock }, notificationId: string, digits: string, selfUrl: string): Promise<string> {
  const row = await notificationById(deps.db, notificationId);
  if (!row || (row.kind !== 'incident' && row.kind !== 'bundle')) return sayAndHangUp(['This page is not known to Tocsin any more. Goodbye.']);
  const action = KEYS[digits.trim()];
  if (!action) return promptAgain(selfUrl, 'That key does nothing.', KEYPRESS_PROMPT, 'Goodbye.');
  const responder = await responderById(deps.db, row.user_id);
  if (!responder) return sayAndHangUp(['The person this page was for no longer exists in Tocsin. Goodbye.']);
  const actor = responderActor(responder, 'phone');
  if (!mayAct(actor)) return sayAndHangUp([`Your role, ${actor.role}, may not ${action} incidents. Goodbye.`]);
  const results = await actOn(deps, actor, action, incidentIdsOf(row));
  if (results.length === 0) return sayAndHangUp(['That incident no longer exists. Goodbye.']);
  return sayAndHangUp([...describeResults(action, results, 'voice').map((l) => `${l}.`), 'Goodbye.']);
}
