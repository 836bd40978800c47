/**
 * Engine conformance on the Camunda 7 test models (camunda-bpm-platform, Apache-2.0): every case of
 * `camunda-cases.ts` runs straight through, and again with the snapshot persisted as JSON, the engine thrown away
 * and the instance restored before every driver step; both must give the outcome the table states.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../model/corpus';
import { camundaBpmnDir, runCase } from './camunda-case';
import { camundaCases } from './camunda-cases';

const hasCamundaCorpus = existsSync(path.join(corpusDir, camundaBpmnDir));
if (!hasCamundaCorpus) console.log(`skipped: no corpus (${path.join(corpusDir, camundaBpmnDir)})`);

describe.skipIf(!hasCamundaCorpus)('Camunda 7 corpus conformance', () => {
  it('has at least 60 asserted cases, each with a distinct title', () => {
    expect(camundaCases.filter((c) => !c.knownGap).length).toBeGreaterThanOrEqual(60);
    expect(new Set(camundaCases.map((c) => c.name)).size).toBe(camundaCases.length);
  });

  for (const c of camundaCases) {
    // A known gap must still fail: when it passes, the engine was fixed and the case becomes a normal one.
    (c.knownGap ? it.fails : it)(c.knownGap ? `${c.name} [known gap: ${c.knownGap}]` : c.name, async () => {
      const straight = await runCase(c, false);
      const restarted = await runCase(c, true);
      expect(restarted.restarts).toBe((c.steps?.length ?? 0) + 1);
      expect(restarted.checkpoints).toEqual(straight.checkpoints);
      expect(restarted.visited).toEqual(straight.visited);
      expect(restarted.status).toBe(straight.status);
    });
  }
});
