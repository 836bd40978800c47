/**
 * @module conventions — what every library procedure shares (procedures/README.md): the demo agency ids of
 * server/src/access/demo-agencies.ts, the decision variable and its values, the message names the server delivers,
 * the escalation ladders, and the intake and supplement fragments every route begins with.
 */
import type { AssignmentSpec, FlowSpec, NodeSpec, RungSpec } from '../procedure-spec';

/** Agencies and departments of the demo province (server/src/access/demo-agencies.ts), plus the few it lacks. */
export const AGENCIES = {
  oneStop: { agency: 'ttpvhcc', department: 'quay-mot-cua' },
  communeCivilStatus: { agency: 'ubnd-xa-demo', department: 'tu-phap-ho-tich' },
  /** Not yet in the demo directory: the commune's culture and social affairs office (labour and social affairs since 1/7/2025). */
  communeSocialAffairs: { agency: 'ubnd-xa-demo', department: 'van-hoa-xa-hoi' },
  /** Not yet in the demo directory: the commune's economy, infrastructure and urban office (construction permits). */
  communeUrban: { agency: 'ubnd-xa-demo', department: 'kinh-te-ha-tang-do-thi' },
  communeLeaders: { agency: 'ubnd-xa-demo' },
  communePolice: { agency: 'cong-an-xa-demo' },
  socialInsurance: { agency: 'bhxh-tinh' },
  financeInvestment: { agency: 'so-tai-chinh', department: 'phong-dau-tu' },
  financeBusinessRegistration: { agency: 'so-tai-chinh', department: 'phong-dkkd' },
  financeLeaders: { agency: 'so-tai-chinh' },
  landRegistration: { agency: 'vpdk-dat-dai', department: 'chi-nhanh-1' },
  tax: { agency: 'thue-co-so' },
} satisfies Record<string, AssignmentSpec>;

/** Messages the server delivers (`message.received { name }`); it recognises the waits by these names. */
export const MESSAGES = {
  supplementReceived: { id: 'message-supplement-received', name: 'supplement.received' },
  supplementWindowClosed: { id: 'message-supplement-window-closed', name: 'supplement.window_closed' },
  feesPaid: { id: 'message-fees-paid', name: 'fees.paid' },
} as const;

/** The values of `decision`, the variable every deciding step is completed with. */
export type Decision = 'approve' | 'reject' | 'supplement' | 'return';

export const decisionIs = (decision: Exclude<Decision, 'approve'>) => `= decision = "${decision}"`;

/** Short procedures (same-day and a few days): the head is told 2 working hours after due, the supervisor after 1 day. */
export const LADDER_SHORT: RungSpec[] = [
  { afterWorkingHours: 0, target: 'official' },
  { afterWorkingHours: 2, target: 'headOfUnit' },
  { afterWorkingHours: 8, target: 'supervisor' },
];

/** Longer procedures: the head after 1 working day late (and may reassign), the supervisor after 3. */
export const LADDER_LONG: RungSpec[] = [
  { afterWorkingHours: 0, target: 'official' },
  { afterWorkingHours: 8, target: 'headOfUnit', reassign: true },
  { afterWorkingHours: 24, target: 'supervisor' },
];

/**
 * Start, "Tiếp nhận hồ sơ" at the one-stop counter and the intake gateway: `reject` ends as not accepted (status 3),
 * anything else goes on to `next`. Columns 0–3 of the counter lane.
 */
export function intake(lane: string, budget: NodeSpec['budget'], next: string): { nodes: NodeSpec[]; flows: FlowSpec[] } {
  return {
    nodes: [
      { id: 'start-submitted', kind: 'startEvent', name: 'Hồ sơ được nộp', lane, col: 0 },
      { id: 'task-receive', kind: 'userTask', name: 'Tiếp nhận hồ sơ', lane, col: 1, budget },
      { id: 'gateway-intake', kind: 'exclusiveGateway', name: 'Tiếp nhận?', lane, col: 2, defaultFlow: 'flow-intake-accepted' },
      { id: 'end-not-accepted', kind: 'endEvent', name: 'Không tiếp nhận', lane, col: 3 },
    ],
    flows: [
      { id: 'flow-start-to-receive', from: 'start-submitted', to: 'task-receive' },
      { id: 'flow-receive-to-intake', from: 'task-receive', to: 'gateway-intake' },
      { id: 'flow-intake-reject', from: 'gateway-intake', to: 'end-not-accepted', name: 'Từ chối', condition: decisionIs('reject') },
      { id: 'flow-intake-accepted', from: 'gateway-intake', to: next, name: 'Tiếp nhận' },
    ],
  };
}

/**
 * The citizen's supplement: a receive task waiting for `supplement.received` (status 5), then back through the merge
 * gateway `backTo` in front of the step that asked. With a bounded wait (Decree 63/2024: 7 working days) an interrupting boundary event catches
 * `supplement.window_closed`, which the server delivers when the dossier lifecycle closes the window, and the
 * dossier ends rejected.
 */
export function supplementWait(options: {
  lane: string;
  col: number;
  row: number;
  from: string;
  backTo: string;
  bounded: boolean;
}): { nodes: NodeSpec[]; flows: FlowSpec[] } {
  const { lane, col, row, from, backTo, bounded } = options;
  const nodes: NodeSpec[] = [
    { id: 'task-wait-supplement', kind: 'receiveTask', name: 'Chờ công dân bổ sung hồ sơ', lane, col, row, messageRef: MESSAGES.supplementReceived.id },
  ];
  const flows: FlowSpec[] = [
    { id: `flow-${from.replace(/^gateway-/, '')}-supplement`, from, to: 'task-wait-supplement', name: 'Bổ sung', condition: decisionIs('supplement') },
    { id: 'flow-supplement-received', from: 'task-wait-supplement', to: backTo, route: { kind: 'leftUp' } },
  ];
  if (bounded) {
    nodes.push(
      { id: 'boundary-window-closed', kind: 'boundaryEvent', name: 'Quá 7 ngày không bổ sung', lane, col, row, attachedTo: 'task-wait-supplement', messageRef: MESSAGES.supplementWindowClosed.id },
      { id: 'end-window-closed', kind: 'endEvent', name: 'Từ chối: không bổ sung', lane, col, row: row + 1 },
    );
    flows.push({ id: 'flow-window-closed', from: 'boundary-window-closed', to: 'end-window-closed' });
  }
  return { nodes, flows };
}
