/** The lint step enforces the dependency direction of STYLE.md §2: wrong-way imports fail `npm run lint`. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('the dependency direction lint', () => {
  it('fails an engine file that imports mongoose', async () => {
    // given a wrong-way import in the engine
    const code = "import mongoose from 'mongoose';\nexport const m = mongoose;\n";
    // when it is linted
    const rules = await ruleIdsFor('engine/src/runtime/wrong-way.ts', code);
    // then the import is an error
    expect(rules).toContain('no-restricted-imports');
  });

  it('fails an engine file that imports hono or a node: module', async () => {
    const rules = await ruleIdsFor('engine/src/model/wrong-way.ts', "import { Hono } from 'hono';\nimport { readFileSync } from 'node:fs';\nexport const x = [Hono, readFileSync];\n");
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
  });

  it('fails an engine file that reads the wall clock, the environment or arms a timer', async () => {
    const code = 'export const a = Date.now();\nexport const b = process.env.X;\nsetTimeout(() => undefined, 10);\nexport const c = new Date();\n';
    const rules = await ruleIdsFor('engine/src/time/wrong-way.ts', code);
    expect(rules).toEqual(expect.arrayContaining(['no-restricted-properties', 'no-restricted-globals', 'no-restricted-syntax']));
  });

  it('fails a modeler file that imports the server', async () => {
    const rules = await ruleIdsFor('modeler/src/wrong-way.ts', "import { createApp } from '../../server/src/create-app';\nexport const a = createApp;\n");
    expect(rules).toContain('no-restricted-imports');
  });

  it('fails a server file outside persistence/mongo that imports mongoose', async () => {
    const rules = await ruleIdsFor('server/src/routes/wrong-way.ts', "import mongoose from 'mongoose';\nexport const m = mongoose;\n");
    expect(rules).toContain('no-restricted-imports');
  });

  it('fails a file of the deciding rooms that speaks HTTP, and still one that imports mongoose', async () => {
    // given a use case, a clock and a statistic that throw an HTTP problem, read the request from http/ or use hono
    const problem = await ruleIdsFor('server/src/dossiers/wrong-way.ts', "import { HttpProblem } from '../http/http-problem';\nexport const p = HttpProblem;\n");
    const key = await ruleIdsFor('server/src/sweeper/wrong-way.ts', "import { toStepView } from '../routes/dossier-view';\nexport const k = toStepView;\n");
    const hono = await ruleIdsFor('server/src/statistics/wrong-way.ts', "import { Hono } from 'hono';\nimport mongoose from 'mongoose';\nexport const h = [Hono, mongoose];\n");
    // then each import is an error, and the refusal of the domain is the accepted way
    expect([...problem, ...key]).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    expect(hono.filter((rule) => rule === 'no-restricted-imports')).toHaveLength(2);
    expect(await ruleIdsFor('server/src/dossiers/right-way.ts', "import { Refusal } from '../../engine/src/index';\nexport const r = Refusal;\n")).toEqual([]);
  });

  it('fails a statistic or a use case that imports an adapter instead of its port', async () => {
    // given the dashboard's read model reaching for the memory adapter, and a use case for the mongo one
    const memory = await ruleIdsFor('server/src/statistics/wrong-way.ts', "import { MemoryDossierFactsStore } from '../persistence/memory/memory-dossier-facts-store';\nexport const m = MemoryDossierFactsStore;\n");
    const mongo = await ruleIdsFor('server/src/dossiers/wrong-way.ts', "import { createMongoStores } from '../persistence/mongo/create-mongo-stores';\nexport const m = createMongoStores;\n");
    // then both are errors, and the port is the accepted way
    expect([...memory, ...mongo]).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    expect(await ruleIdsFor('server/src/statistics/right-way.ts', "import type { Stores } from '../stores';\nexport type S = Stores;\n")).toEqual([]);
  });

  it('fails the persistence layer, or any server file, that imports the emulator\'s source instead of starting its binary', async () => {
    const code = "import { emulatorBinaryPath } from '../../../../mongo-emulator/src/index';\nexport const e = emulatorBinaryPath;\n";
    expect(await ruleIdsFor('server/src/persistence/mongo/wrong-way.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('server/src/routes/wrong-way.ts', code.replace('../../../../', '../../../'))).toContain('no-restricted-imports');
  });

  it('accepts the same engine file without the wrong-way import', async () => {
    const rules = await ruleIdsFor('engine/src/runtime/right-way.ts', "import type { Clock } from '../ports';\nexport const now = (clock: Clock): number => clock.now();\n");
    expect(rules).toEqual([]);
  });
});
