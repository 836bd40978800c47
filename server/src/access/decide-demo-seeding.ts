/**
 * @module decide-demo-seeding — whether `npm start` puts the demo directory (27 users whose password is their user
 * name, `admin`/`admin` among them) into the database. Demo data only where it is asked for: by default only on the
 * embedded database of a developer's machine, never on a database of record (`MONGODB_URI`) or in production.
 */

export interface DemoSeedingInput {
  /** `SEED_DEMO`: `1` seeds, `0` does not, unset decides from the rest. */
  seedDemo?: string;
  /** `MONGODB_URI` is set: a database of record, not the embedded one. */
  externalDatabase: boolean;
  /** `NODE_ENV=production`. */
  production: boolean;
}

/**
 * True to seed the demo directory: `SEED_DEMO=1` always, `SEED_DEMO=0` never, and unset only on the embedded
 * database outside production. Throws for any other value of `SEED_DEMO`, so a typo never seeds by surprise.
 */
export function decideDemoSeeding(input: DemoSeedingInput): boolean {
  const value = input.seedDemo?.trim();
  if (value === '1') return true;
  if (value === '0') return false;
  if (value !== undefined && value !== '') throw new Error(`SEED_DEMO must be 1 or 0, not ${JSON.stringify(input.seedDemo)}`);
  return !input.externalDatabase && !input.production;
}
