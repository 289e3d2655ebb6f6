// What a person may text back to a page: a verb, and the incident number unless they mean
// the page they got last. Pure, so every spelling is tested without a database.

export type ReplyAction = 'acknowledge' | 'resolve';

export interface Reply {
  action: ReplyAction;
  /** The incident number named, or null for "the latest incident paged to this phone". */
  number: number | null;
}

const VERBS: Record<string, ReplyAction> = {
  a: 'acknowledge',
  ack: 'acknowledge',
  acknowledge: 'acknowledge',
  '4': 'acknowledge',
  r: 'resolve',
  res: 'resolve',
  resolve: 'resolve',
  '6': 'resolve',
};

// A digit verb needs a space or "#" before the number: "4123" must not read as "ack 123".
const SHAPE = /^([a-z]+|[46])(?:(?:\s+#?|#)(\d{1,15}))?$/;

/** `ack 123`, `a 123`, `acknowledge #123`, `resolve 123`, `r 123`, `4`, `6`, `ack`… or null. */
export function parseReply(body: string): Reply | null {
  // Phones add trailing punctuation and odd spacing; people capitalise.
  const text = body.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!]+$/, '');
  const m = SHAPE.exec(text);
  if (!m) return null;
  const action = VERBS[m[1]!];
  if (!action) return null;
  if (m[2] === undefined) return { action, number: null };
  const number = Number(m[2]);
  return Number.isSafeInteger(number) && number > 0 ? { action, number } : null;
}

export const REPLY_HELP = 'Tocsin: reply "ack 123" or "resolve 123" with the incident number, or 4 (acknowledge) / 6 (resolve) for your latest page.';
