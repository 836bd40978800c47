/**
 * @module dossier-rules — the per-dossier rule snapshot taken from the pinned procedure version at intake, so an old
 * dossier keeps the rules it was received under (DOMAIN.md "Legal frame": agencies and rules change).
 */
import type { DossierRules, ProcedureDefinition } from '../../../engine/src/index';

export function rulesOf(definition: ProcedureDefinition): DossierRules {
  const procedure = definition.procedure;
  const process = definition.processes.find((p) => p.isExecutable) ?? definition.processes[0];
  return {
    supplementPolicy: procedure?.supplementPolicy ?? { kind: 'pause' },
    ...(procedure?.statutoryBudget ? { statutoryBudget: procedure.statutoryBudget } : {}),
    ...(procedure?.maxReappointments === undefined ? {} : { maxReappointments: procedure.maxReappointments }),
    ...(process?.nearlyDue ? { nearlyDue: process.nearlyDue } : {}),
    ...(process?.escalation ? { escalation: process.escalation } : {}),
  };
}
