/** @module readLanes — lanes and nested lanes (BPMN 2.0 §10.8) with their `lt:assignment` and step defaults. */
import type { Lane } from './procedure-definition';
import { elementProp, elementsProp, stringProp, type ModdleElement } from './moddle-element';
import type { ReadContext } from './read-context';
import { readStepExtensions, type StepExtensions } from './read-extensions';

export interface ReadLanes {
  lanes: Record<string, Lane>;
  /** Innermost lane of each flow node (the deepest lane whose flowNodeRef lists it). */
  laneOfNode: Map<string, string>;
  /** The step defaults each lane gives its nodes: its own, else its parent lane's. */
  defaultsOfLane: Map<string, StepExtensions>;
}

/** `container` is a process or a sub-process: both may carry lane sets. */
export function readLanes(container: ModdleElement, context: ReadContext, into?: ReadLanes): ReadLanes {
  const result = into ?? { lanes: {}, laneOfNode: new Map(), defaultsOfLane: new Map() };
  for (const laneSet of elementsProp(container, 'laneSets')) readLaneSet(laneSet, {}, result, context);
  return result;
}

function readLaneSet(laneSet: ModdleElement, inherited: StepExtensions, result: ReadLanes, context: ReadContext): string[] {
  const ids: string[] = [];
  for (const lane of elementsProp(laneSet, 'lanes')) {
    const id = lane.id ?? '';
    const own = readStepExtensions(lane, context);
    const defaults: StepExtensions = {
      assignment: own.assignment ?? inherited.assignment,
      nearlyDue: own.nearlyDue ?? inherited.nearlyDue,
      escalation: own.escalation ?? inherited.escalation,
    };
    const flowNodeIds = elementsProp(lane, 'flowNodeRef').map((node) => node.id ?? '');
    const laneRecord: Lane = { id, flowNodeIds, childLaneIds: [] };
    const name = stringProp(lane, 'name');
    if (name) laneRecord.name = name;
    if (own.assignment) laneRecord.assignment = own.assignment;
    result.lanes[id] = laneRecord;
    result.defaultsOfLane.set(id, defaults);
    const childLaneSet = elementProp(lane, 'childLaneSet');
    if (childLaneSet) laneRecord.childLaneIds = readLaneSet(childLaneSet, defaults, result, context);
    // Children are read first, so a node already mapped sits in a deeper lane: keep that one.
    for (const nodeId of flowNodeIds) if (!result.laneOfNode.has(nodeId)) result.laneOfNode.set(nodeId, id);
    ids.push(id);
  }
  return ids;
}
