/** @module lintNode — the moddle element shape bpmnlint rules walk, and small readers of our `lt:` extensions on it. */

export interface LintNode {
  $type: string;
  $parent?: LintNode;
  id?: string;
  name?: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
}

export interface Reporter {
  /** The object after the message is spread into the report (our rules pass the finding's code and details). */
  report(id: string, message: string, data?: (string | number)[] | Record<string, unknown>): void;
}

export interface LintRule {
  check(node: LintNode, reporter: Reporter): void;
}

export function children(node: LintNode, property: string): LintNode[] {
  return (node.get(property) as LintNode[] | undefined) ?? [];
}

/**
 * Sequence flows leaving `node`, found by their sourceRef in its container: files written by other tools (and our
 * own template) often omit the nodes' `outgoing` lists, which bpmn-js does not fill in on import.
 */
export function outgoingFlows(node: LintNode): LintNode[] {
  const container = node.$parent;
  if (!container) return [];
  return children(container, 'flowElements').filter((element) => element.$instanceOf('bpmn:SequenceFlow') && element.get('sourceRef') === node);
}

/** The first `type` element among `node`'s extension elements. */
export function extensionOf(node: LintNode, type: string): LintNode | undefined {
  const extensionElements = node.get('extensionElements') as LintNode | undefined;
  return extensionElements ? children(extensionElements, 'values').find((value) => value.$type === type) : undefined;
}

export function attributeOf(node: LintNode | undefined, name: string): string {
  const value = node?.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The innermost lane that lists `node` in its flowNodeRef, searching the lane sets of its process. */
export function laneOf(node: LintNode): LintNode | undefined {
  let container = node.$parent;
  while (container && !container.$instanceOf('bpmn:Process') && !container.$instanceOf('bpmn:SubProcess')) container = container.$parent;
  if (!container) return undefined;
  const search = (lanes: LintNode[]): LintNode | undefined => {
    for (const lane of lanes) {
      const childSet = lane.get('childLaneSet') as LintNode | undefined;
      const inner = childSet ? search(children(childSet, 'lanes')) : undefined;
      if (inner) return inner;
      if (children(lane, 'flowNodeRef').includes(node)) return lane;
    }
    return undefined;
  };
  return search(children(container, 'laneSets').flatMap((laneSet) => children(laneSet, 'lanes')));
}

/** The agency responsible for `node`: its own `lt:assignment`, else its lane's (the engine inherits the same way). */
export function agencyOf(node: LintNode): string {
  const own = attributeOf(extensionOf(node, 'lt:Assignment'), 'agency');
  if (own) return own;
  const lane = laneOf(node);
  return lane ? attributeOf(extensionOf(lane, 'lt:Assignment'), 'agency') : '';
}
