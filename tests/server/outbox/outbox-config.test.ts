/** Outbox configuration from the environment's values: only http(s) destinations, a secret with webhooks, one consumer per destination. */
import { describe, expect, it } from 'vitest';
import { createOutboxConsumers } from '../../../server/src/outbox/create-outbox-consumers';
import { parseOutboxConfig } from '../../../server/src/outbox/outbox-config';

describe('outbox configuration', () => {
  it('makes one consumer per configured destination, named as deliveries are recorded', () => {
    // given
    const config = parseOutboxConfig({
      portalUrl: 'https://dvcqg.example.gov.vn/api/dong-bo',
      webhookUrls: 'https://hooks.example.vn/a, https://hooks.example.vn/b',
      webhookSecret: 'a-secret-of-sixteen+',
      smtpUrl: 'smtp://mailer:pw@mail.example.vn:587',
      smsGatewayUrl: 'https://sms.example.vn/send',
    });
    // when
    const consumers = createOutboxConsumers(config, { mailTransport: { sendMail: async () => undefined } });
    // then
    expect(consumers.map((consumer) => consumer.name)).toEqual([
      'national-portal',
      'webhook:hooks.example.vn/a',
      'webhook:hooks.example.vn/b',
      'email',
      'sms-gateway',
    ]);
    expect(config.smtp?.from).toBe('"Liên thông" <no-reply@mail.example.vn>');
  });

  it('configures nothing when nothing is set', () => {
    expect(createOutboxConsumers(parseOutboxConfig({}))).toEqual([]);
  });

  it('refuses destinations that are not http(s), webhooks without a secret, and two webhooks that would share a name', () => {
    expect(() => parseOutboxConfig({ portalUrl: 'file:///etc/passwd' })).toThrow('PORTAL_URL must be an http or https URL, not file:');
    expect(() => parseOutboxConfig({ smsGatewayUrl: 'not a url' })).toThrow('SMS_GATEWAY_URL is not a URL');
    expect(() => parseOutboxConfig({ smtpUrl: 'http://mail.example.vn' })).toThrow('SMTP_URL must be an smtp or smtps URL');
    expect(() => parseOutboxConfig({ webhookUrls: 'https://hooks.example.vn/a' })).toThrow('WEBHOOK_SECRET');
    const twins = parseOutboxConfig({ webhookUrls: 'https://h.example.vn/a?x=1,https://h.example.vn/a?x=2', webhookSecret: 'a-secret-of-sixteen+' });
    expect(() => createOutboxConsumers(twins)).toThrow('two outbox consumers are named webhook:h.example.vn/a');
  });

  it('never repeats a secret from a URL in its refusals', () => {
    expect(() => parseOutboxConfig({ portalUrl: 'ftp://user:s3cr3t@portal.example.vn' })).toThrow(/^(?!.*s3cr3t)/);
  });
});
