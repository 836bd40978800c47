import { describe, expect, it } from 'vitest';
import { RuntimeDriver, loadDefinition } from './runtime-driver';
import { scenarios } from './runtime-scenarios';

/** STYLE.md §5: every scenario survives a restart — persist → reload → resume — with the same outcome. */
describe('runtime restart from JSON snapshots', () => {
  for (const scenario of scenarios) {
    it(`reaches the same end after a restart before every event: ${scenario.name}`, async () => {
      // given: the same scenario straight through and with a JSON round trip and a fresh engine before each event
      const definition = await loadDefinition(scenario.fixture);
      const drivers = await Promise.all(
        [false, true].map(async (restart) => new RuntimeDriver(definition, {
          restart,
          ...(scenario.handlers ? { handlers: scenario.handlers() } : {}),
          ...(scenario.resolveProcedure ? { resolveProcedure: await scenario.resolveProcedure() } : {}),
        })),
      );
      // when
      for (const driver of drivers) await scenario.run(driver);
      // then
      const [straight, restarted] = drivers as [RuntimeDriver, RuntimeDriver];
      expect(restarted.restarts).toBeGreaterThan(0);
      expect(restarted.visited).toEqual(straight.visited);
      expect(restarted.effects).toEqual(straight.effects);
      expect(restarted.snapshot).toEqual(straight.snapshot);
    });
  }
});
