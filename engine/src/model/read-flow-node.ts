/** @module readFlowNode — one BPMN flow node (events §10.5, activities §10.2–10.3, gateways §10.6) as plain data. */
import type { FlowElementKind, FlowNode } from './procedure-definition';
import {
  CAMUNDA_PREFIXES,
  booleanProp,
  elementProp,
  foreignAttr,
  stringProp,
  type ModdleElement,
} from './moddle-element';
import { referenceId, type ReadContext } from './read-context';
import { readEventDefinitions } from './read-event-definitions';
import { readStepExtensions } from './read-extensions';
import { readForeignAttributes, readForeignExtensions } from './read-foreign-extensions';
import { readHandler } from './read-handler';
import { readLoopCharacteristics } from './read-loop-characteristics';
import { readVariableMappings } from './read-variable-mappings';

const KINDS: ReadonlySet<FlowElementKind> = new Set<FlowElementKind>([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'userTask', 'manualTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'businessRuleTask',
  'subProcess', 'transaction', 'adHocSubProcess', 'callActivity',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway',
]);

/** `bpmn:UserTask` → `userTask`; `undefined` for anything that is not a flow node we model. */
export function flowElementKind(type: string): FlowElementKind | undefined {
  if (!type.startsWith('bpmn:')) return undefined;
  const local = type.slice('bpmn:'.length);
  const kind = (local.charAt(0).toLowerCase() + local.slice(1)) as FlowElementKind;
  return KINDS.has(kind) ? kind : undefined;
}

const EVENTS = new Set<FlowElementKind>(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);
const IMPLEMENTED_TASKS = new Set<FlowElementKind>(['serviceTask', 'scriptTask', 'sendTask', 'businessRuleTask', 'task']);
const ACTIVITIES = new Set<FlowElementKind>([
  'task', 'userTask', 'manualTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'businessRuleTask',
  'subProcess', 'transaction', 'adHocSubProcess', 'callActivity',
]);

export function isActivityKind(kind: FlowElementKind): boolean {
  return ACTIVITIES.has(kind);
}

/**
 * Reads everything of the node that is local to it. The caller (readProcess) fills what needs the whole process:
 * incoming/outgoing (from the sequence flows), boundaryEventIds, childNodeIds, laneId and inherited assignments.
 */
export function readFlowNode(element: ModdleElement, kind: FlowElementKind, scopeId: string, context: ReadContext): FlowNode {
  const node: FlowNode = { id: element.id ?? '', kind, name: stringProp(element, 'name'), scopeId, incoming: [], outgoing: [] };
  if (EVENTS.has(kind)) {
    node.eventDefinitions = readEventDefinitions(element, context);
  }
  if (kind === 'boundaryEvent') {
    node.attachedToRef = referenceId(element, 'attachedToRef', context) ?? '';
    // §10.5.4 Table 10.89: cancelActivity defaults to true (interrupting).
    node.cancelActivity = booleanProp(element, 'cancelActivity') ?? true;
  }
  if (kind === 'startEvent') {
    // §10.5.2: isInterrupting defaults to true; it matters only for event sub-process start events.
    node.isInterrupting = booleanProp(element, 'isInterrupting') ?? true;
  }
  if (kind === 'eventBasedGateway') node.instantiate = booleanProp(element, 'instantiate') ?? false;
  node.defaultFlowId = referenceId(element, 'default', context);
  if (ACTIVITIES.has(kind)) readActivity(element, node, context);
  node.foreignExtensions = readForeignExtensions(element);
  node.foreignAttributes = readForeignAttributes(element);
  return dropUndefined(node);
}

function readActivity(element: ModdleElement, node: FlowNode, context: ReadContext): void {
  const kind = node.kind;
  node.loop = readLoopCharacteristics(element, context);
  if (booleanProp(element, 'isForCompensation')) node.isForCompensation = true;
  Object.assign(node, readStepExtensions(element, context));
  if (IMPLEMENTED_TASKS.has(kind)) node.handler = readHandler(element);
  if (kind === 'scriptTask') {
    const body = stringProp(element, 'script') ?? '';
    node.script = { format: stringProp(element, 'scriptFormat') ?? '', body };
  }
  if (kind === 'serviceTask' || kind === 'scriptTask' || kind === 'businessRuleTask' || kind === 'sendTask') {
    node.resultVariable = foreignAttr(element, 'resultVariable', CAMUNDA_PREFIXES) ?? foreignAttr(element, 'resultVariableName', CAMUNDA_PREFIXES);
  }
  if (kind === 'receiveTask' || kind === 'sendTask') {
    node.messageRef = referenceId(element, 'messageRef', context);
    const message = elementProp(element, 'messageRef');
    node.messageName = message && stringProp(message, 'name');
  }
  if (kind === 'subProcess' || kind === 'transaction' || kind === 'adHocSubProcess') {
    node.triggeredByEvent = booleanProp(element, 'triggeredByEvent') ?? false;
    node.childNodeIds = [];
  }
  if (kind === 'callActivity') {
    node.calledElement = stringProp(element, 'calledElement');
  }
  if (kind === 'callActivity' || kind === 'subProcess') Object.assign(node, readVariableMappings(element, context));
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
