import twilio from 'twilio';

// Every TwiML answer Tocsin gives, built with the official package's builders (which escape
// text and attributes), never by hand.

const { VoiceResponse, MessagingResponse } = twilio.twiml;
type Voice = InstanceType<typeof VoiceResponse>;

export const KEYPRESS_PROMPT = 'Press 4 to acknowledge, 6 to resolve.';
/** Long enough to find the keypad after the message, short enough that a silent line ends. */
const GATHER_TIMEOUT_S = 8;

export function smsReply(text: string): string {
  const res = new MessagingResponse();
  res.message(text);
  return res.toString();
}

export function emptyMessaging(): string {
  return new MessagingResponse().toString();
}

export function emptyVoice(): string {
  return new VoiceResponse().toString();
}

/** Says each line, then hangs up. */
export function sayAndHangUp(lines: readonly string[]): string {
  const res = new VoiceResponse();
  for (const line of lines) res.say(line);
  res.hangup();
  return res.toString();
}

/** A one-digit Gather that says `lines`; without a key press the call falls through to what follows it. */
export function gatherDigit(res: Voice, action: string, lines: readonly string[]): void {
  const gather = res.gather({ numDigits: 1, action, method: 'POST', timeout: GATHER_TIMEOUT_S });
  for (const line of lines) gather.say(line);
}

/** A page call: the message and the key-press prompt, twice, then goodbye. */
export function pageCall(text: string, action: string): string {
  const res = new VoiceResponse();
  gatherDigit(res, action, [text, KEYPRESS_PROMPT]);
  gatherDigit(res, action, [text, KEYPRESS_PROMPT]);
  res.say('No key was pressed. Goodbye.');
  res.hangup();
  return res.toString();
}

/** A page call of something nobody acts on (a verification code, a test): the text, twice. */
export function sayTwice(text: string): string {
  const res = new VoiceResponse();
  res.say(text);
  res.pause({ length: 1 });
  res.say(text);
  return res.toString();
}

/** Asks again for a key, after `lead` (e.g. "That key does nothing."). */
export function promptAgain(action: string, lead: string, prompt: string, fallback: string): string {
  const res = new VoiceResponse();
  gatherDigit(res, action, [lead, prompt]);
  res.say(fallback);
  res.hangup();
  return res.toString();
}

export interface MenuEntry {
  digit: number;
  label: string;
}

/** "Press 1 for network, 2 for databases." */
export function menuPrompt(entries: readonly MenuEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.digit - b.digit);
  return `Press ${sorted.map((e) => `${e.digit} for ${e.label}`).join(', ')}.`;
}

/**
 * The phone menu: greeting and choices in a Gather; with no key, either once more (`retry`
 * is where to go for that) or goodbye.
 */
export function menu(greeting: string, entries: readonly MenuEntry[], action: string, retry: string | null): string {
  const res = new VoiceResponse();
  gatherDigit(res, action, [greeting, menuPrompt(entries)].filter((l) => l !== ''));
  if (retry) res.redirect({ method: 'POST' }, retry);
  else {
    res.say('No choice was made. Goodbye.');
    res.hangup();
  }
  return res.toString();
}

/** Connects the caller to one number; Twilio posts the outcome to `action`. */
export function dial(lines: readonly string[], number: string, opts: { action: string; callerId: string; timeoutS: number }): string {
  const res = new VoiceResponse();
  for (const line of lines) res.say(line);
  const d = res.dial({ action: opts.action, method: 'POST', timeout: opts.timeoutS, callerId: opts.callerId });
  d.number(number);
  return res.toString();
}
