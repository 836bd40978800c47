/**
 * @module parseVietnameseMobile — a citizen's phone number as the Zalo ZNS API and brand-name SMS gateways take it:
 * `84` followed by the 9-digit subscriber number (E.164 without the `+`), e.g. `84912345678`.
 *
 * Vietnamese mobile numbers have had 10 digits (`0` + 9) since the 2018 renumbering of the 11-digit prefixes
 * (Ministry of Information and Communications, Decision 798/QĐ-BTTTT of 2018 *(verify)*); mobile prefixes start with 3, 5, 7, 8 or 9 after the `0`. Landlines (`02…`) receive
 * neither SMS nor Zalo messages, so they are refused here, as is anything else: the applicant typed the number.
 */

/** `84xxxxxxxxx`, or undefined when `raw` is not a Vietnamese mobile number. */
export function parseVietnameseMobile(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.length > 32) return undefined;
  const digits = raw.replace(/[\s.\-()]/g, '');
  const national = /^(?:\+84|0084|84|0)([35789]\d{8})$/.exec(digits)?.[1];
  return national === undefined ? undefined : `84${national}`;
}

/** The number as records and logs keep it: enough for an official to recognise it, not enough to call it. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 2)}${'*'.repeat(Math.max(0, mobile.length - 5))}${mobile.slice(-3)}`;
}
