/**
 * @module parseCitizenChannelsConfig — the province's configuration of the channels that carry citizen messages
 * (issue 20 item 6): Zalo ZNS and a brand-name SMS gateway. Read by `main.ts` from the JSON file named by
 * CITIZEN_CHANNELS_FILE (example: server/citizen-channels.example.json); every field is checked here and a bad file
 * stops the start with the path of what is wrong, never with a secret.
 *
 * - **Zalo ZNS** sends only templates the Official Account registered and Zalo approved: per notification kind
 *   (`citizen.dossier.received` …) the template id and, for each parameter the template declares, which of the
 *   message's values fills it (`name`, `dossierCode`, `procedureName`, `appointmentAt`, `missing`, `agencyName`,
 *   `reason`). A kind without a template is not sent through Zalo.
 * - **Brand-name SMS** (tin nhắn thương hiệu, CSKH): carriers deliver only text that matches a template registered
 *   for the brand name, so each kind has its registered text with `{placeholders}` of the same values. Brand-name
 *   customer-care SMS go unaccented: GSM 03.38 7-bit text holds 160 characters in one message and 153 per part of a
 *   concatenated one, while accented (UCS-2) text holds only 70, and the gateways refuse accented brand-name CSKH
 *   content *(verify with the province's gateway contract)*. Carriers cap a brand-name message at a few parts
 *   (gateways publish 459 to 612 characters) *(verify)*; `maxLength` is 160 by default (one part, one charge) and
 *   may be set up to 612. Templates must be printable ASCII; the values are stripped of accents when sent, and a
 *   text longer than `maxLength` is a failed delivery, never a cut message. A brand name (sender id) is at most 11
 *   characters (GSM 03.40 alphanumeric originator).
 * - **Fallback**: a ZNS reply saying the person cannot get Zalo messages (no Zalo account, cannot receive ZNS,
 *   inactive: -118, -119, -115 in Zalo's error table *(verify the list against the current table)*) sends the SMS
 *   instead when `fallbackToSms` is on, as does a citizen who turned Zalo off on the tracking page.
 * - **Receipts**: ZNS signs its webhook with the OA secret key (`X-ZEvent-Signature: mac=sha256(appId + body +
 *   timestamp + key)`); the SMS gateway's delivery reports are signed with `receiptSecret` (HMAC-SHA256 of the body).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CitizenNotificationEvent } from './outbox-payloads';

export const CITIZEN_EVENTS = [
  'dossier.received',
  'dossier.refused',
  'supplement.requested',
  'supplement.window_closing',
  'processing.stopped',
  'result.ready',
  'dossier.reappointed',
] as const satisfies readonly CitizenNotificationEvent[];

/** The values a citizen message offers its templates (notification-message.ts `toCitizenMessage`). */
export const CITIZEN_MESSAGE_PARAMS = ['name', 'dossierCode', 'procedureName', 'appointmentAt', 'missing', 'agencyName', 'reason'] as const;
export type CitizenMessageParam = (typeof CITIZEN_MESSAGE_PARAMS)[number];

export const MESSAGE_CHANNELS = ['zns', 'sms'] as const;
/** `zns`: Zalo Notification Service; `sms`: brand-name SMS. */
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

const TemplateName = z.enum(CITIZEN_EVENTS.map((event) => `citizen.${event}`) as [string, ...string[]]);
const HttpUrl = z.url({ protocol: /^https?$/ });
const Secret = z.string().min(16).max(512);
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

const ZnsTemplate = z
  .object({
    templateId: z.string().regex(/^\d{1,20}$/, 'a ZNS template id is a number'),
    params: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/, 'ZNS parameter names are lower case'), z.enum(CITIZEN_MESSAGE_PARAMS)),
  })
  .strict();

const ZnsConfig = z
  .object({
    url: HttpUrl.default('https://business.openapi.zalo.me/message/template'),
    /** The OA access token, or a file an external refresher rewrites (Zalo OA tokens expire after about a day). */
    accessToken: Secret.optional(),
    accessTokenFile: z.string().min(1).max(1000).optional(),
    appId: z.string().regex(/^\d{1,30}$/),
    oaSecretKey: Secret,
    templates: z.partialRecord(TemplateName, ZnsTemplate),
    fallbackToSms: z.boolean().default(true),
    fallbackErrors: z.array(z.number().int()).max(50).default([-115, -118, -119]),
  })
  .strict()
  .refine((zns) => (zns.accessToken === undefined) !== (zns.accessTokenFile === undefined), 'give exactly one of accessToken and accessTokenFile');

const SmsConfig = z
  .object({
    url: HttpUrl,
    apiKey: Secret,
    brandName: z.string().regex(/^[A-Za-z0-9 .\-_]{1,11}$/, 'a brand name is 1 to 11 letters, digits, spaces or .-_'),
    maxLength: z.number().int().min(70).max(612).default(160),
    templates: z.partialRecord(TemplateName, z.string().min(1).max(612).regex(/^[\x20-\x7e]+$/, 'registered brand-name templates are unaccented printable ASCII')),
    receiptSecret: Secret,
    /** Reply codes after which a retry may succeed (a busy gateway); any other error code is final. */
    retryableCodes: z.array(z.union([z.string().max(20), z.number().int()])).max(50).default([]),
  })
  .strict();

const CitizenChannelsSchema = z
  .object({
    /** The province (tỉnh) whose templates these are, for the logs and the console. */
    province: z.string().min(1).max(100),
    zns: ZnsConfig.optional(),
    sms: SmsConfig.optional(),
  })
  .strict()
  .superRefine((config, context) => {
    for (const [name, text] of Object.entries(config.sms?.templates ?? {})) {
      for (const [, param] of text!.matchAll(PLACEHOLDER)) {
        if (!(CITIZEN_MESSAGE_PARAMS as readonly string[]).includes(param!)) {
          context.addIssue({ code: 'custom', path: ['sms', 'templates', name], message: `unknown placeholder {${param}}; use ${CITIZEN_MESSAGE_PARAMS.join(', ')}` });
        }
      }
      const fixed = text!.replace(PLACEHOLDER, '').length;
      if (fixed > config.sms!.maxLength) context.addIssue({ code: 'custom', path: ['sms', 'templates', name], message: `its fixed text alone is longer than maxLength (${config.sms!.maxLength})` });
    }
  });

export type CitizenChannelsConfig = z.infer<typeof CitizenChannelsSchema>;
export type ZnsChannelConfig = NonNullable<CitizenChannelsConfig['zns']>;
export type SmsChannelConfig = NonNullable<CitizenChannelsConfig['sms']>;

/** The checked configuration, or an Error listing every problem by its path (secrets are never repeated). */
export function parseCitizenChannelsConfig(value: unknown): CitizenChannelsConfig {
  const parsed = CitizenChannelsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new Error(`CITIZEN_CHANNELS_FILE is not valid: ${problems.join('; ')}`);
}

/** The channels a configuration offers citizens, in the order they are tried. */
export function configuredChannels(config: CitizenChannelsConfig | undefined): MessageChannel[] {
  return MESSAGE_CHANNELS.filter((channel) => config?.[channel] !== undefined);
}

/** Reads and checks the file CITIZEN_CHANNELS_FILE names; its content is never repeated in an error (it holds secrets). */
export function readCitizenChannelsFile(path: string): CitizenChannelsConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`CITIZEN_CHANNELS_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('CITIZEN_CHANNELS_FILE is not JSON');
  }
  return parseCitizenChannelsConfig(value);
}
