/**
 * @module generate-library — writes `procedures/<slug>/<slug>.bpmn` for every spec of the library. Deterministic:
 * running it twice gives the same files (tests/procedures/library-models.test.ts checks the committed files match).
 * Run: `npx tsx procedures/tools/generate-library.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIBRARY_SPECS } from './specs/library-specs';
import { writeProcedureXml } from './write-procedure-xml';

const proceduresDir = join(dirname(fileURLToPath(import.meta.url)), '..');

for (const spec of LIBRARY_SPECS) {
  const folder = join(proceduresDir, spec.slug);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${spec.slug}.bpmn`), writeProcedureXml(spec));
  console.log(`wrote procedures/${spec.slug}/${spec.slug}.bpmn`);
}
