/**
 * @module reviewRoute — the route most one-agency procedures share: intake at the counter, review by an expert
 * (approve / supplement / reject), check by the head of office (approve / return to the expert), optionally the
 * signature of the agency's leader, and the result returned at the counter. Columns left to right:
 * 0–3 intake · 2 merge (the loops come back here) · 3 review · 4 decision · 5 head · 6 decision · 7 signature · 8 return · 9 end.
 */
import type { BudgetSpec, FlowSpec, NodeSpec, NearlyDueSpec } from '../procedure-spec';
import { decisionIs, intake, supplementWait } from './conventions';

export interface ReviewRouteOptions {
  lanes: { counter: string; expert: string; head: string; leader?: string };
  receive: BudgetSpec;
  review: { name: string; budget: BudgetSpec; nearlyDue?: NearlyDueSpec };
  head: { name: string; budget: BudgetSpec };
  sign?: { name: string; budget: BudgetSpec };
  returnResult: { name: string; budget: BudgetSpec };
  refusal: BudgetSpec;
  resultName: string;
}

export function reviewRoute(options: ReviewRouteOptions): { nodes: NodeSpec[]; flows: FlowSpec[] } {
  const { lanes } = options;
  const front = intake(lanes.counter, options.receive, 'gateway-review-merge');
  const wait = supplementWait({ lane: lanes.expert, col: 4, row: 1, from: 'gateway-review', backTo: 'gateway-review-merge', bounded: false });
  const afterHead = options.sign ? 'task-sign' : 'task-return';
  const returnCol = options.sign ? 8 : 7;
  const nodes: NodeSpec[] = [
    ...front.nodes,
    { id: 'gateway-review-merge', kind: 'exclusiveGateway', name: '', lane: lanes.expert, col: 2 },
    { id: 'task-review', kind: 'userTask', name: options.review.name, lane: lanes.expert, col: 3, budget: options.review.budget, ...(options.review.nearlyDue ? { nearlyDue: options.review.nearlyDue } : {}) },
    { id: 'gateway-review', kind: 'exclusiveGateway', name: 'Kết quả thẩm định?', lane: lanes.expert, col: 4, defaultFlow: 'flow-review-approve' },
    { id: 'task-return-refusal', kind: 'userTask', name: 'Trả văn bản từ chối', lane: lanes.counter, col: 4, budget: options.refusal },
    { id: 'end-refused', kind: 'endEvent', name: 'Hồ sơ bị từ chối', lane: lanes.counter, col: 5 },
    ...wait.nodes,
    { id: 'task-head', kind: 'userTask', name: options.head.name, lane: lanes.head, col: 5, budget: options.head.budget },
    { id: 'gateway-head', kind: 'exclusiveGateway', name: 'Trưởng phòng duyệt?', lane: lanes.head, col: 6, defaultFlow: 'flow-head-approve' },
    ...(options.sign && lanes.leader
      ? [{ id: 'task-sign', kind: 'userTask' as const, name: options.sign.name, lane: lanes.leader, col: 7, budget: options.sign.budget }]
      : []),
    { id: 'task-return', kind: 'userTask', name: options.returnResult.name, lane: lanes.counter, col: returnCol, budget: options.returnResult.budget },
    { id: 'end-returned', kind: 'endEvent', name: options.resultName, lane: lanes.counter, col: returnCol + 1 },
  ];
  const flows: FlowSpec[] = [
    ...front.flows,
    { id: 'flow-merge-to-review', from: 'gateway-review-merge', to: 'task-review' },
    { id: 'flow-review-to-decide', from: 'task-review', to: 'gateway-review' },
    { id: 'flow-review-reject', from: 'gateway-review', to: 'task-return-refusal', name: 'Từ chối', condition: decisionIs('reject') },
    { id: 'flow-refusal-to-end', from: 'task-return-refusal', to: 'end-refused' },
    ...wait.flows,
    { id: 'flow-review-approve', from: 'gateway-review', to: 'task-head', name: 'Đạt', route: { kind: 'rightThenDown' } },
    { id: 'flow-head-to-decide', from: 'task-head', to: 'gateway-head' },
    { id: 'flow-head-return', from: 'gateway-head', to: 'gateway-review-merge', name: 'Trả lại', condition: decisionIs('return'), route: { kind: 'belowIntoLeft' } },
    { id: 'flow-head-approve', from: 'gateway-head', to: afterHead, name: 'Đồng ý', route: { kind: 'rightThenDown' } },
    ...(options.sign ? [{ id: 'flow-sign-to-return', from: 'task-sign', to: 'task-return' }] : []),
    { id: 'flow-return-to-end', from: 'task-return', to: 'end-returned' },
  ];
  return { nodes, flows };
}
