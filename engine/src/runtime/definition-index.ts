/**
 * @module DefinitionIndex — lookups over one ProcedureDefinition that the runtime needs on every token move
 * (nodes and flows by id, start events and event sub-processes per scope, link targets, inclusive-join
 * reachability). Built once per definition object and cached; the definition itself stays plain data.
 */
import type { EventDefinition, FlowNode, Lane, ProcedureDefinition, ProcessDefinition, SequenceFlow } from '../model/procedure-definition';

export class DefinitionIndex {
  private readonly nodes = new Map<string, FlowNode>();
  private readonly flows = new Map<string, SequenceFlow>();
  private readonly processes = new Map<string, ProcessDefinition>();
  private readonly children = new Map<string, FlowNode[]>();
  private readonly upstream = new Map<string, Set<string>>();

  constructor(readonly definition: ProcedureDefinition) {
    for (const process of definition.processes) {
      this.processes.set(process.id, process);
      for (const node of Object.values(process.nodes)) this.nodes.set(node.id, node);
      for (const flow of Object.values(process.flows)) this.flows.set(flow.id, flow);
      this.children.set(process.id, process.childNodeIds.map((id) => process.nodes[id]!).filter(Boolean));
    }
    for (const node of this.nodes.values()) {
      if (node.childNodeIds) this.children.set(node.id, node.childNodeIds.map((id) => this.nodes.get(id)!).filter(Boolean));
    }
  }

  node(id: string): FlowNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`Unknown flow node ${id} in definition ${this.definition.id}`);
    return node;
  }

  flow(id: string): SequenceFlow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`Unknown sequence flow ${id} in definition ${this.definition.id}`);
    return flow;
  }

  /** The lane a node is in, looked up across processes. */
  lane(id: string | undefined): Lane | undefined {
    if (id === undefined) return undefined;
    for (const process of this.definition.processes) if (process.lanes[id]) return process.lanes[id];
    return undefined;
  }

  process(id: string): ProcessDefinition | undefined {
    return this.processes.get(id);
  }

  /** Nodes directly inside a process or sub-process. */
  childrenOf(scopeElementId: string): FlowNode[] {
    return this.children.get(scopeElementId) ?? [];
  }

  /** Event sub-processes directly inside a scope (§10.2.5). */
  eventSubProcessesOf(scopeElementId: string): FlowNode[] {
    return this.childrenOf(scopeElementId).filter((n) => n.kind === 'subProcess' && n.triggeredByEvent);
  }

  /** Start events of a scope, event sub-processes' ones excluded. */
  startEventsOf(scopeElementId: string): FlowNode[] {
    return this.childrenOf(scopeElementId).filter((n) => n.kind === 'startEvent');
  }

  /** Link catch events of a scope with a link name (§10.5.4 link events connect within one process level). */
  linkCatch(scopeElementId: string, linkName: string): FlowNode | undefined {
    return this.childrenOf(scopeElementId).find(
      (n) => n.kind === 'intermediateCatchEvent' && n.eventDefinitions?.some((d) => d.type === 'link' && d.linkName === linkName),
    );
  }

  /** Name under which a message is correlated: the message's name, else its id. */
  messageName(def: EventDefinition | undefined, node?: FlowNode): string {
    const ref = def?.type === 'message' ? def.messageRef : node?.messageRef;
    const inline = def?.type === 'message' ? def.messageName : node?.messageName;
    return (ref ? this.definition.messages[ref]?.name : undefined) ?? inline ?? ref ?? '';
  }

  signalName(def: EventDefinition & { type: 'signal' }): string {
    return (def.signalRef ? this.definition.signals[def.signalRef]?.name : undefined) ?? def.signalName ?? def.signalRef ?? '';
  }

  errorCode(def: EventDefinition & { type: 'error' }): string | undefined {
    return def.errorCode ?? (def.errorRef ? (this.definition.errors[def.errorRef]?.code ?? def.errorRef) : undefined);
  }

  escalationCode(def: EventDefinition & { type: 'escalation' }): string | undefined {
    return def.escalationCode ?? (def.escalationRef ? (this.definition.escalations[def.escalationRef]?.code ?? def.escalationRef) : undefined);
  }

  /**
   * Nodes from which a token can reach the source of `flowId` without passing through `gatewayId`
   * (inclusive join, §13.3.3). A token at an activity may also leave through its boundary events.
   */
  upstreamOf(gatewayId: string, flowId: string): Set<string> {
    const key = `${gatewayId}/${flowId}`;
    const cached = this.upstream.get(key);
    if (cached) return cached;
    const seen = new Set<string>();
    const stack = [this.flow(flowId).sourceRef];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === gatewayId || seen.has(id)) continue;
      seen.add(id);
      const node = this.nodes.get(id);
      if (!node) continue;
      for (const incoming of node.incoming) stack.push(this.flow(incoming).sourceRef);
      if (node.kind === 'boundaryEvent' && node.attachedToRef) stack.push(node.attachedToRef);
      if (node.kind === 'intermediateCatchEvent') {
        const link = node.eventDefinitions?.find((d) => d.type === 'link');
        if (link) for (const n of this.childrenOf(node.scopeId)) if (n.kind === 'intermediateThrowEvent' && n.eventDefinitions?.some((d) => d.type === 'link' && d.linkName === link.linkName)) stack.push(n.id);
      }
    }
    this.upstream.set(key, seen);
    return seen;
  }
}

const indexes = new WeakMap<ProcedureDefinition, DefinitionIndex>();

/** The cached index of a definition object. */
export function indexDefinition(definition: ProcedureDefinition): DefinitionIndex {
  let index = indexes.get(definition);
  if (!index) {
    index = new DefinitionIndex(definition);
    indexes.set(definition, index);
  }
  return index;
}
