/**
 * @module readProcess — one `bpmn:process` (BPMN 2.0 §10.2) with its nested sub-processes flattened into `nodes`
 * (each with its `scopeId`), sequence flows, lanes, boundary events linked both ways and inherited assignments.
 */
import type { FlowNode, ProcessDefinition, SequenceFlow } from './procedure-definition';
import { booleanProp, elementProp, elementsProp, stringProp, type ModdleElement } from './moddle-element';
import { ensureId, referenceId, type ReadContext } from './read-context';
import { readExpression } from './read-expression';
import { readStepExtensions, type StepExtensions } from './read-extensions';
import { readForeignExtensions } from './read-foreign-extensions';
import { flowElementKind, isActivityKind, readFlowNode } from './read-flow-node';
import { readLanes, type ReadLanes } from './read-lanes';

/** Flow elements that carry data, not control flow (§10.4): nothing to execute, nothing to report. */
const DATA_ELEMENTS = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

interface ScopeWalk {
  process: ProcessDefinition;
  lanes: ReadLanes;
  context: ReadContext;
}

export function readProcess(element: ModdleElement, context: ReadContext): ProcessDefinition {
  const process: ProcessDefinition = {
    id: ensureId(element, context),
    isExecutable: booleanProp(element, 'isExecutable') ?? false,
    nodes: {},
    flows: {},
    lanes: {},
    childNodeIds: [],
  };
  const name = stringProp(element, 'name');
  if (name) process.name = name;
  const defaults = readStepExtensions(element, context);
  if (defaults.assignment) process.assignment = defaults.assignment;
  if (defaults.nearlyDue) process.nearlyDue = defaults.nearlyDue;
  if (defaults.escalation) process.escalation = defaults.escalation;
  const foreignExtensions = readForeignExtensions(element);
  if (foreignExtensions) process.foreignExtensions = foreignExtensions;
  const walk: ScopeWalk = { process, lanes: readLanes(element, context), context };
  process.childNodeIds = readScope(element, process.id, walk);
  process.lanes = walk.lanes.lanes;
  linkFlows(process);
  linkBoundaryEvents(process);
  inheritStepDefaults(process, walk.lanes, defaults);
  return process;
}

/** Reads the flow elements of a process or sub-process; returns the ids of the nodes directly in it. */
function readScope(container: ModdleElement, scopeId: string, walk: ScopeWalk): string[] {
  const { process, context } = walk;
  const childIds: string[] = [];
  for (const element of elementsProp(container, 'flowElements')) {
    ensureId(element, context);
    if (element.$type === 'bpmn:SequenceFlow') {
      const flow = readSequenceFlow(element, scopeId, context);
      process.flows[flow.id] = flow;
      continue;
    }
    const kind = flowElementKind(element.$type);
    if (!kind) {
      if (!DATA_ELEMENTS.has(element.$type)) reportUnsupported(element, process, context);
      continue;
    }
    const node = readFlowNode(element, kind, scopeId, context);
    process.nodes[node.id] = node;
    childIds.push(node.id);
    if (kind === 'complexGateway' || kind === 'adHocSubProcess' || node.instantiate === true) {
      reportUnsupported(element, process, context);
    }
    if (node.childNodeIds) {
      readLanes(element, context, walk.lanes);
      node.childNodeIds = readScope(element, node.id, walk);
    }
  }
  return childIds;
}

function reportUnsupported(element: ModdleElement, process: ProcessDefinition, context: ReadContext): void {
  const name = stringProp(element, 'name');
  context.unsupported.push({
    id: element.id ?? '',
    type: element.$type,
    ...(name ? { name } : {}),
    processId: process.id,
    inExecutableProcess: process.isExecutable,
  });
}

function readSequenceFlow(element: ModdleElement, scopeId: string, context: ReadContext): SequenceFlow {
  const flow: SequenceFlow = {
    id: element.id ?? '',
    sourceRef: referenceId(element, 'sourceRef', context) ?? '',
    targetRef: referenceId(element, 'targetRef', context) ?? '',
    scopeId,
  };
  const name = stringProp(element, 'name');
  if (name) flow.name = name;
  const condition = readExpression(elementProp(element, 'conditionExpression'), context);
  if (condition) flow.condition = condition;
  return flow;
}

/** incoming/outgoing come from the flows' sourceRef/targetRef: many tools omit `bpmn:incoming`/`bpmn:outgoing`. */
function linkFlows(process: ProcessDefinition): void {
  for (const flow of Object.values(process.flows)) {
    process.nodes[flow.sourceRef]?.outgoing.push(flow.id);
    process.nodes[flow.targetRef]?.incoming.push(flow.id);
  }
}

function linkBoundaryEvents(process: ProcessDefinition): void {
  for (const node of Object.values(process.nodes)) {
    if (node.kind !== 'boundaryEvent' || !node.attachedToRef) continue;
    const activity = process.nodes[node.attachedToRef];
    if (activity) (activity.boundaryEventIds ??= []).push(node.id);
  }
}

/**
 * An activity's own `lt:` values win; else its innermost lane's (a lane inherits its parent lane's); else its
 * enclosing sub-process's; else the process's. Nodes are visited in reading order, so a sub-process is settled
 * before the nodes inside it.
 */
function inheritStepDefaults(process: ProcessDefinition, lanes: ReadLanes, processDefaults: StepExtensions): void {
  for (const node of Object.values(process.nodes)) {
    const laneId = lanes.laneOfNode.get(node.id);
    if (laneId) node.laneId = laneId;
    if (!isActivityKind(node.kind)) continue;
    const fromLane = laneId ? lanes.defaultsOfLane.get(laneId) : undefined;
    const parent: StepExtensions | FlowNode | undefined = process.nodes[node.scopeId] ?? processDefaults;
    const assignment = node.assignment ?? fromLane?.assignment ?? parent.assignment;
    const nearlyDue = node.nearlyDue ?? fromLane?.nearlyDue ?? parent.nearlyDue;
    const escalation = node.escalation ?? fromLane?.escalation ?? parent.escalation;
    if (assignment) node.assignment = assignment;
    if (nearlyDue) node.nearlyDue = nearlyDue;
    if (escalation) node.escalation = escalation;
  }
}
