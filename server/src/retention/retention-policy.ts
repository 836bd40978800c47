/**
 * @module retentionPolicy — how long a procedure's closed dossiers keep their personal data and attachments, and
 * what happens after (issue 18 item 6): archived (a bundle with its SHA-256 in the archive store) or purged.
 *
 * The default is 10 years, archived. The archival rules set retention periods per kind of record: the Law on Archives
 * 2024 (Luật Lưu trữ số 33/2024/QH15) and Circular 10/2022/TT-BNV (thời hạn bảo quản tài liệu chung) give most
 * records of administrative work 10 years, some 20 or 70 years, some permanent, and each agency's own list of
 * retention periods decides per kind of record *(verify: the period that fits each procedure)*. Decree 13/2023/NĐ-CP
 * (personal data protection) asks that personal data be kept no longer than needed. So the period is configurable per
 * procedure by an administrator, and every change is in the audit of administration.
 */

export type RetentionMode = 'archive' | 'purge';

/** One procedure's retention, as an administrator set it. */
export interface RetentionPolicy {
  procedureKey: string;
  /** Whole years after the dossier's closing change. */
  years: number;
  mode: RetentionMode;
  setAt: number;
  setBy: string;
}

/** What applies to a procedure without a policy of its own. */
export const DEFAULT_RETENTION = { years: 10, mode: 'archive' as RetentionMode } as const;

/** Bounds of a period an administrator may set: a year at least (a dossier may be contested), a century at most. */
export const RETENTION_YEARS = { min: 1, max: 100 } as const;

/** Statuses after which a dossier changes no more (DOMAIN.md: 3, 7, 8, 9, 10): only these ever expire. */
export const CLOSED_STATUSES = [3, 7, 8, 9, 10] as const;

/**
 * The instant before which a dossier must have closed for its period of `years` to be over at `now`: the same date
 * and time `years` calendar years earlier (29 February falls back to 28 February, as Civil Code 2015 Art. 147 ends
 * a period of years on the corresponding day, else the last day of that month).
 */
export function closedBefore(now: number, years: number): number {
  const at = new Date(now);
  const target = new Date(at);
  target.setUTCFullYear(at.getUTCFullYear() - years);
  // setUTCFullYear rolls 29 Feb into 1 Mar of a common year: keep the last day of February instead.
  if (target.getUTCMonth() !== at.getUTCMonth()) target.setUTCDate(0);
  return target.getTime();
}

/** The policy that applies to `procedureKey`: its own, or the default. */
export function policyOf(policies: readonly RetentionPolicy[], procedureKey: string): { years: number; mode: RetentionMode; isDefault: boolean } {
  const own = policies.find((policy) => policy.procedureKey === procedureKey);
  return own ? { years: own.years, mode: own.mode, isDefault: false } : { ...DEFAULT_RETENTION, isDefault: true };
}
