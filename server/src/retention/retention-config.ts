/**
 * @module retention-config — retention's settings from the environment (issue 18 item 6), read by main.ts:
 *
 * - `RETENTION_HASH_KEY`: the key of the HMAC-SHA-256 an expired dossier keeps of its applicant's ID number
 *   (expire-personal-data.ts), at least 32 characters, kept outside the database (a secret store) and never changed
 *   afterwards: the lookup of dossiers expired under an older key would no longer match. Without it no dossier expires
 *   (runs answer `RETENTION_KEY_MISSING`); the dry run is still there.
 * - `RETENTION_DAILY_AT`: `HH:MM`, Vietnamese time, from which the daily run expires what is due
 *   (retention-schedule.ts); off when absent. The daily run purges personal data with nobody pressing a button, so a
 *   server is refused at start with it and without `RETENTION_HASH_KEY`.
 */

export interface RetentionConfig {
  hashKey?: string;
  /** Minutes after midnight, Vietnamese time, of the daily run; absent: no daily run. */
  dailyAtMinute?: number;
}

export const MIN_RETENTION_KEY_LENGTH = 32;

export function parseRetentionConfig(env: Record<string, string | undefined>): RetentionConfig {
  const hashKey = env.RETENTION_HASH_KEY?.trim() || undefined;
  if (hashKey !== undefined && hashKey.length < MIN_RETENTION_KEY_LENGTH) {
    throw new Error(`RETENTION_HASH_KEY must be at least ${MIN_RETENTION_KEY_LENGTH} characters (e.g. openssl rand -base64 48).`);
  }
  const at = env.RETENTION_DAILY_AT?.trim();
  if (!at) return hashKey ? { hashKey } : {};
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(at);
  if (!match) throw new Error(`RETENTION_DAILY_AT must be HH:MM, Vietnamese time (e.g. 02:00), not "${at}".`);
  if (!hashKey) {
    throw new Error('RETENTION_DAILY_AT turns on the daily purge of personal data, which needs RETENTION_HASH_KEY (the key of the ID numbers kept hashed); set it, or remove RETENTION_DAILY_AT.');
  }
  return { hashKey, dailyAtMinute: Number(match[1]) * 60 + Number(match[2]) };
}
