/** The province's channel configuration: the shipped example is valid, and every mistake stops the start by its path, never with a secret. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredChannels, readCitizenChannelsFile } from '../../../server/src/outbox/citizen-channels-config';

const example = new URL('../../../server/citizen-channels.example.json', import.meta.url).pathname;

function fileWith(value: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'channels-')), 'channels.json');
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const base = () => JSON.parse(JSON.stringify(readCitizenChannelsFile(example))) as Record<string, any>;

describe('the citizen channels file', () => {
  it('reads the shipped example: four ZNS templates and four brand-name texts, SMS fallback on, 160 characters', () => {
    const config = readCitizenChannelsFile(example);
    expect(configuredChannels(config)).toEqual(['zns', 'sms']);
    expect(Object.keys(config.zns!.templates)).toHaveLength(4);
    expect(config.zns!.fallbackToSms).toBe(true);
    expect(config.zns!.fallbackErrors).toEqual([-115, -118, -119]);
    expect(config.sms!.maxLength).toBe(160);
  });

  it.each([
    ['an accented brand-name text', (c: any) => (c.sms.templates['citizen.result.ready'] = 'Hồ sơ {dossierCode} đã có kết quả'), 'sms.templates.citizen.result.ready: registered brand-name templates are unaccented printable ASCII'],
    ['a placeholder no message fills', (c: any) => (c.sms.templates['citizen.result.ready'] = 'Ho so {soHoSo} da co ket qua'), 'unknown placeholder {soHoSo}'],
    ['a ZNS parameter filled from nothing', (c: any) => (c.zns.templates['citizen.result.ready'].params.ma_ho_so = 'code'), 'zns.templates.citizen.result.ready.params.ma_ho_so'],
    ['a notification that does not exist', (c: any) => (c.zns.templates['citizen.dossier.lost'] = { templateId: '1', params: {} }), 'zns.templates'],
    ['a brand name longer than 11 characters', (c: any) => (c.sms.brandName = 'UBND THANH PHO HA NOI'), 'sms.brandName'],
    ['a limit over four parts', (c: any) => (c.sms.maxLength = 700), 'sms.maxLength'],
    ['a gateway that is not http(s)', (c: any) => (c.sms.url = 'file:///etc/passwd'), 'sms.url'],
    ['both a token and a token file', (c: any) => (c.zns.accessToken = 'an-access-token-0123456789'), 'give exactly one of accessToken and accessTokenFile'],
  ])('refuses %s, naming where', (_, change, expected) => {
    const config = base();
    change(config);
    expect(() => readCitizenChannelsFile(fileWith(config))).toThrow(expected);
  });

  it('never repeats the file\'s secrets in its refusal', () => {
    const config = base();
    config.sms.receiptSecret = 'short';
    config.zns.oaSecretKey = 'the-oa-secret-that-must-not-leak';
    config.zns.appId = 'not digits';
    let message = '';
    try {
      readCitizenChannelsFile(fileWith(config));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('sms.receiptSecret');
    expect(message).not.toContain('short');
    expect(message).not.toContain('the-oa-secret-that-must-not-leak');
    expect(() => readCitizenChannelsFile(fileWith('{"province": "x", "sms": {"apiKey": "leaky-key"'))).toThrow(/^CITIZEN_CHANNELS_FILE is not JSON$/);
  });
});
