/**
 * @module settleHandlers — awaits the asynchronous handler results of a transition and delivers each as a
 * handler.resolved / handler.rejected event, until no handler is pending. Meanwhile the steps wait in the state
 * (`w: 'handler'`), so a snapshot taken in between restores to a step that can still be completed.
 */
import type { EngineEffect } from './engine-effect';
import type { HandlerSettledEvent } from './engine-event';
import type { InstanceSnapshot, InstanceStatus } from './instance-state';
import type { ProcessInstanceContext } from './process-instance-machine';
import { checkEvent } from './token-stepper';

export interface RunResult {
  snapshot: InstanceSnapshot;
  effects: EngineEffect[];
  status: InstanceStatus;
}

export type MachineStep = (state: InstanceSnapshot, event: HandlerSettledEvent) => ProcessInstanceContext;

export async function settleHandlers(first: ProcessInstanceContext, step: MachineStep): Promise<RunResult> {
  let context = first;
  const effects = [...first.effects];
  while (context.pending.length > 0) {
    const pending = context.pending;
    context = { ...context, pending: [] };
    const outcomes = await Promise.allSettled(pending.map((p) => p.promise));
    outcomes.forEach((outcome, k) => {
      const stepId = pending[k]!.stepId;
      const event: HandlerSettledEvent =
        outcome.status === 'fulfilled' ? { type: 'handler.resolved', stepId, result: outcome.value } : { type: 'handler.rejected', stepId, error: outcome.reason };
      if (!checkEvent(context.state, event)) return;
      const next = step(context.state, event);
      effects.push(...next.effects);
      context = { ...next, pending: [...context.pending, ...next.pending] };
    });
  }
  return { snapshot: context.state, effects, status: context.state.st };
}
