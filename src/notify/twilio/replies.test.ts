import { describe, expect, it } from 'vitest';
import { parseReply } from './replies.js';

describe('parseReply', () => {
  it.each([
    ['ack 123', 'acknowledge', 123],
    ['a 123', 'acknowledge', 123],
    ['acknowledge #123', 'acknowledge', 123],
    ['ACK   123', 'acknowledge', 123],
    ['  Ack #7.  ', 'acknowledge', 7],
    ['ack#9', 'acknowledge', 9],
    ['4 55', 'acknowledge', 55],
    ['resolve 123', 'resolve', 123],
    ['r 123', 'resolve', 123],
    ['Resolve #42!', 'resolve', 42],
    ['6 #8', 'resolve', 8],
  ])('reads %j as %s of #%d', (body, action, number) => {
    expect(parseReply(body)).toEqual({ action, number });
  });

  it.each([
    ['4', 'acknowledge'],
    ['6', 'resolve'],
    ['ack', 'acknowledge'],
    ['ACK', 'acknowledge'],
    [' a ', 'acknowledge'],
    ['resolve', 'resolve'],
    ['R', 'resolve'],
    ['\n6\n', 'resolve'],
  ])('reads bare %j as %s of the latest page', (body, action) => {
    expect(parseReply(body)).toEqual({ action, number: null });
  });

  it.each(['', 'hello', 'ok thanks', '5', '46', '4123', 'ack 12 34', 'ack -3', 'ack 0', 'acked 12', 'resolve it', 'ack 1.5', 'ack 99999999999999999'])('refuses %j', (body) => {
    expect(parseReply(body)).toBeNull();
  });
});
