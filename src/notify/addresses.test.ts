import { describe, expect, it } from 'vitest';
import { checkAddress, isPrivateAddress, webhookUrlProblem } from './addresses.js';

describe('checkAddress', () => {
  const strict = { allowPrivate: false };
  it.each([
    ['email', ' Alice@Example.COM ', 'alice@example.com'],
    ['sms', '+14155550123', '+14155550123'],
    ['voice', '+442071838750', '+442071838750'],
    ['slack', 'U024BE7LH', 'U024BE7LH'],
    ['slack', 'C01ABCDEF9', 'C01ABCDEF9'],
    ['webhook', 'https://hooks.example.com/tocsin?x=1', 'https://hooks.example.com/tocsin?x=1'],
  ] as const)('accepts %s %j', (type, raw, stored) => {
    expect(checkAddress(type, raw, strict)).toEqual({ ok: true, address: stored });
  });

  it.each([
    ['email', 'not-an-email'],
    ['email', 'a@b'],
    ['sms', '4155550123'],
    ['sms', '+0123456789'],
    ['voice', '+1 415 555 0123'],
    ['slack', '#general'],
    ['slack', 'u024be7lh'],
    ['webhook', 'http://hooks.example.com/'],
    ['webhook', 'ftp://hooks.example.com/'],
    ['webhook', 'https://user:pw@hooks.example.com/'],
    ['webhook', 'https://localhost/hook'],
    ['webhook', 'https://127.0.0.1/hook'],
    ['webhook', 'https://[::1]/hook'],
    ['webhook', 'https://169.254.169.254/latest/meta-data'],
    ['webhook', 'https://10.1.2.3/'],
    ['webhook', 'nonsense'],
  ] as const)('refuses %s %j', (type, raw) => {
    expect(checkAddress(type, raw, strict).ok).toBe(false);
  });

  it('lets http and private webhook targets through only when allowed', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', false)).not.toBeNull();
  });
});

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2001:db8::1'])('%s is private', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });
  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e'])('%s is public', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
  it('treats what is not an address as private', () => {
    expect(isPrivateAddress('example.com')).toBe(true);
  });
});
