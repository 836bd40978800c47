/**
 * @module seed-procedures — deploys every `procedures/<slug>/<slug>.bpmn` whose XML differs from the stored latest
 * version, so `npm start` on a fresh database serves the procedure library, and a restart deploys nothing twice.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseProcedure, type Clock } from '../../../engine/src/index';
import type { Stores } from '../stores';
import type { Logger } from '../logger';

export interface SeedDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  proceduresDir: string;
}

/** Returns the keys of the procedures in the library, deployed or already current. */
export async function seedProcedures(deps: SeedDeps): Promise<string[]> {
  if (!existsSync(deps.proceduresDir)) return [];
  const keys: string[] = [];
  for (const slug of readdirSync(deps.proceduresDir).sort()) {
    const file = join(deps.proceduresDir, slug, `${slug}.bpmn`);
    if (!existsSync(file)) continue;
    const xml = readFileSync(file, 'utf8');
    const latest = await deps.stores.procedures.latest(slug);
    keys.push(slug);
    if (latest?.xml === xml) continue;
    const { definition, issues } = await parseProcedure(xml);
    const errors = issues.filter((issue) => issue.severity === 'error');
    if (!definition || errors.length > 0) {
      deps.logger.error({ procedure: slug, issues: errors }, 'procedure in the library does not validate; not deployed');
      continue;
    }
    const record = await deps.stores.procedures.deploy({
      key: slug,
      procedureCode: definition.procedure?.procedureCode,
      name: definition.procedure?.name ?? definition.name ?? slug,
      xml,
      definition,
      deployedAt: deps.clock.now(),
      deployedBy: 'seed',
    });
    deps.logger.info({ procedure: slug, version: record.version }, 'procedure deployed from the library');
  }
  return keys;
}
