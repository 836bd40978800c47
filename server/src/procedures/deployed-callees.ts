/**
 * @module deployedCallees — the deployed procedures a model's call activities name, by key, for the budget rule:
 * an inter-agency group (Decree 63/2024/NĐ-CP) may call an agency's procedure deployed on its own, and that
 * procedure's longest path counts in the group's deadline. The runtime resolves a process of the same file first, so
 * only the names no process of the file carries are loaded; what those call is loaded too, each key once.
 */
import type { DeployedProcedures, ProcedureDefinition } from '../../../engine/src/index';
import type { ProcedureStore } from '../stores';

/** A bound on the keys followed, so a long or hostile chain of calls cannot make validation load the whole store. */
const MAX_CALLEES = 64;

export async function loadDeployedCallees(definition: ProcedureDefinition, procedures: ProcedureStore): Promise<DeployedProcedures> {
  const deployed = new Map<string, ProcedureDefinition>();
  const seen = new Set<string>();
  const pending = [definition];
  while (pending.length > 0 && seen.size < MAX_CALLEES) {
    const current = pending.pop()!;
    const local = new Set(current.processes.map((process) => process.id));
    const keys = current.processes
      .flatMap((process) => Object.values(process.nodes))
      .map((node) => node.calledElement)
      .filter((key): key is string => !!key && !local.has(key) && !seen.has(key));
    for (const key of new Set(keys)) {
      seen.add(key);
      const record = await procedures.latest(key);
      if (!record) continue;
      deployed.set(key, record.definition);
      pending.push(record.definition);
    }
  }
  return deployed;
}
