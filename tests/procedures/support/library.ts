/** @module library — reads the shipped procedure library: the model we ship is the model we test (STYLE.md §5). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProcedure, type ProcedureDefinition } from '../../../engine/src/index';
import { LIBRARY_SPECS } from '../../../procedures/tools/specs/library-specs';

export const PROCEDURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'procedures');

/** Every `procedures/<slug>/<slug>.bpmn`, as the server seeds them at `npm start`. */
export function librarySlugs(): string[] {
  return readdirSync(PROCEDURES_DIR)
    .filter((slug) => existsSync(join(PROCEDURES_DIR, slug, `${slug}.bpmn`)))
    .sort();
}

export function readModel(slug: string): string {
  return readFileSync(join(PROCEDURES_DIR, slug, `${slug}.bpmn`), 'utf8');
}

export function readReadme(slug: string): string {
  return readFileSync(join(PROCEDURES_DIR, slug, 'README.md'), 'utf8');
}

export async function loadDefinition(slug: string): Promise<ProcedureDefinition> {
  const { definition, issues } = await parseProcedure(readModel(slug));
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (!definition || errors.length > 0) throw new Error(`${slug} does not parse: ${JSON.stringify(errors)}`);
  return definition;
}

/** A valid e-form of the procedure (its spec's example), a fresh copy each time: tests may change it. */
export function exampleForm(slug: string): Record<string, unknown> {
  const spec = LIBRARY_SPECS.find((candidate) => candidate.slug === slug);
  if (!spec) throw new Error(`no procedure ${slug} in the library`);
  return structuredClone(spec.eform.example);
}
