/**
 * @module callActivity — runs another process (same definitions, or a deployed procedure pinned at first use) as
 * a child scope of the same instance (BPMN 2.0 §10.2.6), so one dossier is one instance and one snapshot.
 * Input mappings (`lt:in`, `camunda:in`) build the called process's variables; output mappings hand results back.
 * A call activity without any mapping passes every visible variable in and every variable back.
 */
import type { VariableMapping } from '../../model/procedure-definition';
import type { ElementBehaviour } from '../element-behaviour';
import type { Run } from '../run-context';

function mapVariables(run: Run, actId: string, mappings: VariableMapping[], context: Record<string, unknown>): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const mapping of mappings) {
    const value = run.env.feel.evaluate(mapping.source.body, context, run.clockNow());
    if (!value.ok) {
      run.raiseIncident(actId, value.budgetExceeded ? 'EXPRESSION_BUDGET_EXCEEDED' : 'EXPRESSION_FAILED', `${mapping.source.body}: ${value.message}`, 'enter');
      return undefined;
    }
    result[mapping.target] = value.value;
  }
  return result;
}

export const callActivity: ElementBehaviour = {
  execute(run, actId) {
    const act = run.act(actId)!;
    const node = run.node(actId);
    const calledElement = node.calledElement ?? '';
    const called = run.resolveCalled(actId, calledElement);
    const process = called && (called.index.process(calledElement) ?? called.index.definition.processes.find((p) => p.isExecutable) ?? called.index.definition.processes[0]);
    if (!called || !process) {
      run.raiseIncident(actId, 'CALLED_PROCESS_NOT_FOUND', `No process or procedure "${calledElement}"`, 'enter');
      return;
    }
    const visible = run.variables(act.s, actId);
    const explicit = node.inputMappings?.length || node.inputAllVariables;
    const mapped = node.inputMappings?.length ? mapVariables(run, actId, node.inputMappings, visible) : {};
    if (!mapped) return;
    const input = explicit ? { ...(node.inputAllVariables ? visible : {}), ...mapped } : { ...visible };
    run.startChildScope(actId, { e: process.id, ...(called.key !== undefined ? { d: called.key } : {}), r: 1, v: input });
  },

  scopeCompleted(run, actId, scopeId) {
    const node = run.node(actId);
    const variables = run.state.sc[scopeId]?.v ?? {};
    if (!node.outputMappings?.length && !node.outputAllVariables) return { ...variables };
    const mapped = node.outputMappings?.length ? mapVariables(run, actId, node.outputMappings, variables) : {};
    return { ...(node.outputAllVariables ? variables : {}), ...mapped };
  },
};
