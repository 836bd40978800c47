import { describe, it } from 'vitest';
import { RuntimeDriver, loadDefinition } from './runtime-driver';
import { scenarios } from './runtime-scenarios';

describe('runtime element behaviour (BPMN 2.0 §13)', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      // given
      const definition = await loadDefinition(scenario.fixture);
      const driver = new RuntimeDriver(definition, {
        ...(scenario.handlers ? { handlers: scenario.handlers() } : {}),
        ...(scenario.resolveProcedure ? { resolveProcedure: await scenario.resolveProcedure() } : {}),
      });
      // when / then
      await scenario.run(driver);
    });
  }
});
