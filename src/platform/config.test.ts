import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function fails(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('notification settings in the configuration', () => {
  it('defaults to no channels configured, private webhooks refused and the default throttle', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ smtpUrl: null, twilio: null, slackBotToken: null, allowPrivateWebhooks: false, throttle: {} });
  });

  it('reads Twilio only as a complete set, with an E.164 number', () => {
    const c = loadConfig({ TOCSIN_TWILIO_ACCOUNT_SID: 'AC1', TOCSIN_TWILIO_AUTH_TOKEN: 'tok', TOCSIN_TWILIO_FROM: '+15005550006', TOCSIN_TWILIO_API_URL: 'http://127.0.0.1:9/' });
    expect(c.twilio).toEqual({ accountSid: 'AC1', authToken: 'tok', from: '+15005550006', apiUrl: 'http://127.0.0.1:9' });
    expect(fails({ TOCSIN_TWILIO_ACCOUNT_SID: 'AC1' }).variable).toBe('TOCSIN_TWILIO_ACCOUNT_SID');
    expect(fails({ TOCSIN_TWILIO_ACCOUNT_SID: 'AC1', TOCSIN_TWILIO_AUTH_TOKEN: 't', TOCSIN_TWILIO_FROM: '555-1234' }).message).toContain('E.164');
  });

  it('parses the throttle table, refusing unknown types and empty limits', () => {
    expect(loadConfig({ TOCSIN_THROTTLE: 'sms=2/10m, webhook=off,email=100/1h' }).throttle).toEqual({
      sms: { max: 2, windowMs: 600_000 },
      webhook: null,
      email: { max: 100, windowMs: 3_600_000 },
    });
    expect(fails({ TOCSIN_THROTTLE: 'fax=1/1m' }).message).toContain('unknown contact type "fax"');
    expect(fails({ TOCSIN_THROTTLE: 'sms=0/1m' }).message).toContain('at least 1 message');
    expect(fails({ TOCSIN_THROTTLE: 'sms=4 per 15m' }).variable).toBe('TOCSIN_THROTTLE');
  });

  it('takes only smtp URLs and explicit booleans', () => {
    expect(loadConfig({ TOCSIN_SMTP_URL: 'smtp://mail:25', TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'true' })).toMatchObject({ smtpUrl: 'smtp://mail:25', allowPrivateWebhooks: true });
    expect(fails({ TOCSIN_SMTP_URL: 'mail:25' }).variable).toBe('TOCSIN_SMTP_URL');
    expect(fails({ TOCSIN_ALLOW_PRIVATE_WEBHOOKS: 'maybe' }).variable).toBe('TOCSIN_ALLOW_PRIVATE_WEBHOOKS');
  });
});
