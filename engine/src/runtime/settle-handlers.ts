/**
 * @module settleHandlers — awaits the asynchronous handler results of a step and delivers them as handler.resolved /
 * handler.rejected events, until no handler is pending. Meanwhile the steps wait in the state (`w: 'handler'`), so a
 * snapshot taken in between restores to a step that can still be completed.
 *
 * The results that settle together (the branches of a fork) are applied one after the other in the order their
 * steps started; a single result is awaited without `Promise.allSettled`. A stateless call (`engine.start` /
 * `engine.deliver`) shows no state in between, so all its settlements continue the run that started them, on the
 * one working copy of the state that run made; a live instance shows its state in between, so each batch gets a
 * fresh copy and the snapshot it handed out stays intact. A settlement costs a promise hop and the BPMN work (issue 17).
 */
import type { EngineEffect } from './engine-effect';
import type { HandlerSettledEvent } from './engine-event';
import type { InstanceSnapshot, InstanceState, InstanceStatus } from './instance-state';
import { applySettlements } from './token-stepper';
import type { PendingHandler } from './token-run';
import { TokenRun } from './token-run';

export interface RunResult {
  snapshot: InstanceSnapshot;
  effects: EngineEffect[];
  status: InstanceStatus;
}

/** Where a live instance keeps its current state: the settlements are applied to whatever it holds by then. */
export interface StateHolder {
  state: InstanceState;
}

const resolved = (stepId: string, result: unknown): HandlerSettledEvent => ({ type: 'handler.resolved', stepId, result });
const rejected = (stepId: string, error: unknown): HandlerSettledEvent => ({ type: 'handler.rejected', stepId, error });

/** One handler's settlement as an event, never a rejection. */
const settled = ({ stepId, promise }: PendingHandler): PromiseLike<HandlerSettledEvent> =>
  promise.then(
    (result) => resolved(stepId, result),
    (error: unknown) => rejected(stepId, error),
  );

/** The same for the usual single handler, awaited directly: one promise hop, no extra promise. */
async function settledOne({ stepId, promise }: PendingHandler): Promise<HandlerSettledEvent> {
  try {
    return resolved(stepId, await promise);
  } catch (error) {
    return rejected(stepId, error);
  }
}

/** Awaits the run's pending handlers (and those they start) and returns the settled state with every effect. */
export async function settleHandlers(first: TokenRun, live?: StateHolder): Promise<RunResult> {
  let run = first;
  const effects = run.effects;
  let pending = run.takePending();
  while (pending.length > 0) {
    const events = pending.length === 1 ? [await settledOne(pending[0]!)] : await Promise.all(pending.map(settled));
    if (live) {
      run = applySettlements(new TokenRun(first.env, first.definition, live.state), events);
      live.state = run.state;
      for (const effect of run.effects) effects.push(effect);
    } else {
      applySettlements(run, events);
    }
    pending = run.takePending();
  }
  return { snapshot: run.state, effects, status: run.state.st };
}
