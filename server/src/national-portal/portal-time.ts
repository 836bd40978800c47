/**
 * @module portal-time — instants as the national portal writes them: `yyyyMMddHHmmss` in Vietnam time (UTC+7, no
 * daylight saving), the format the portal's adapters use. Unconfirmed by a published specification: the format is
 * one row of the mapping (national-portal-mapping.ts), to be checked with the portal operator.
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const PORTAL_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** An instant in the portal's format; '' when there is none (the portal's empty value). */
export function toPortalTime(at: number | undefined): string {
  if (at === undefined) return '';
  const local = new Date(at + VIETNAM_OFFSET_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`
  );
}

/** The instant a portal time names, or undefined when the text is not one (a 31 February included). */
export function parsePortalTime(text: string): number | undefined {
  const match = PORTAL_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = Date.UTC(year, month - 1, day, hour, minute, second) - VIETNAM_OFFSET_MS;
  // Date.UTC rolls 31/02 over into March: a real instant prints back as the same text.
  return toPortalTime(at) === text ? at : undefined;
}
