/**
 * @module renderSmsText — a brand-name SMS from its registered template (`{placeholder}` text, citizen-channels-config.ts)
 * and the message's values: the values lose their accents (đ → d) and anything outside printable ASCII, so the text
 * stays in the GSM 7-bit alphabet carriers count 160 to a part; a text over the configured length is refused, never
 * cut (a cut text no longer matches the registered template and would say less than the citizen needs).
 */
import { DeliveryError } from './delivery-error';

/** `Nguyễn Văn Đức` → `Nguyen Van Duc`; other characters outside printable ASCII become spaces. */
export function toUnaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function renderSmsText(template: string, params: Record<string, string>, maxLength: number): string {
  const text = toUnaccented(template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => toUnaccented(params[name] ?? '')));
  if (text.length > maxLength) {
    throw new DeliveryError(`The SMS text has ${text.length} characters; the brand-name limit is ${maxLength}`, { permanent: true });
  }
  return text;
}
