import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../config.js';
import { isAllowedWebhookUrl } from './webhook-url.js';

describe('webhook URLs', () => {
  it.each([
    'https://council.example.gov.uk/webhooks',
    'https://203.0.113.7:8443/hook',
    'http://localhost:4000/hook',
    'http://127.0.0.1:4000/hook',
    'http://127.10.0.1/hook',
    'http://[::1]:4000/hook',
    'http://relay.localhost/hook',
  ])('accepts %s', (url) => {
    expect(isAllowedWebhookUrl(url)).toBe(true);
  });

  it.each([
    'http://council.example.gov.uk/webhooks',
    'http://10.0.0.5/hook',
    'http://127.0.0.1.example.com/hook',
    'http://localhost.example.com/hook',
    'ftp://localhost/hook',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedWebhookUrl(url)).toBe(false);
  });
});

describe('an agency webhook URL in the configuration', () => {
  const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

  it('stops the start with one clear line when it is plain http to another machine', () => {
    const parse = () =>
      parseEnv({
        AGENCY_COUNCIL_WEBHOOK_URL: 'http://crm.council.example/hook',
        AGENCY_COUNCIL_WEBHOOK_SECRET: secret,
      });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(
      'Configuration error: AGENCY_COUNCIL_WEBHOOK_URL must start https:// (plain http:// only to this machine: localhost, 127.0.0.1 or [::1]).',
    );
  });

  it('takes https anywhere and http on loopback', () => {
    expect(
      parseEnv({ AGENCY_GP_PRACTICE_WEBHOOK_URL: 'https://gp.example/hook', AGENCY_GP_PRACTICE_WEBHOOK_SECRET: secret })
        .AGENCY_GP_PRACTICE_WEBHOOK_URL,
    ).toBe('https://gp.example/hook');
    expect(
      parseEnv({
        AGENCY_GP_PRACTICE_WEBHOOK_URL: 'http://127.0.0.1:9000/hook',
        AGENCY_GP_PRACTICE_WEBHOOK_SECRET: secret,
      }).AGENCY_GP_PRACTICE_WEBHOOK_URL,
    ).toBe('http://127.0.0.1:9000/hook');
  });
});
