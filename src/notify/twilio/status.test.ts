import { describe, expect, it } from 'vitest';
import { callStatusUpdate, messageStatusUpdate } from './status.js';

describe('messageStatusUpdate', () => {
  it.each([
    ['queued', 'sent'],
    ['accepted', 'sent'],
    ['sending', 'sent'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['failed', 'failed'],
    ['undelivered', 'failed'],
  ])('maps %s to %s', (raw, status) => {
    expect(messageStatusUpdate({ MessageStatus: raw, MessageSid: 'SM1' })).toMatchObject({ status, provider_id: 'SM1' });
  });

  it('says the error code of a failure', () => {
    expect(messageStatusUpdate({ MessageStatus: 'undelivered', MessageSid: 'SM1', ErrorCode: '30003' })).toEqual({ status: 'failed', provider_id: 'SM1', response: 'Twilio: message undelivered (error 30003)' });
  });

  it('ignores statuses it does not know', () => {
    expect(messageStatusUpdate({ MessageStatus: 'partially_delivered' })).toBeNull();
    expect(messageStatusUpdate({})).toBeNull();
  });
});

describe('callStatusUpdate', () => {
  it.each([
    ['queued', 'sent'],
    ['initiated', 'sent'],
    ['ringing', 'sent'],
    ['in-progress', 'sent'],
    ['completed', 'delivered'],
    ['busy', 'failed'],
    ['no-answer', 'failed'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
  ])('maps %s to %s', (raw, status) => {
    expect(callStatusUpdate({ CallStatus: raw, CallSid: 'CA1' })).toMatchObject({ status, provider_id: 'CA1' });
  });

  it('describes the call', () => {
    expect(callStatusUpdate({ CallStatus: 'completed', CallSid: 'CA1', CallDuration: '31' })?.response).toBe('Twilio: call completed after 31 s');
    expect(callStatusUpdate({ CallStatus: 'no-answer', CallSid: 'CA1' })?.response).toBe('Twilio: call no-answer');
    expect(callStatusUpdate({ CallStatus: 'answered-by-robot' })).toBeNull();
  });
});
