/**
 * @module preserveDiagramInterchangeModule — keeps diagram interchange (DI) that bpmn-js drops on import because it
 * cannot draw it: shapes of a process no participant references, or an edge without a bpmnElement (both occur in
 * the OMG MIWG reference models). The DI is recorded before rendering and put back on save when its BPMN element
 * is still in the model, so opening and saving a file never loses a diagram element.
 */

interface ModdleNode {
  $type: string;
  $descriptor?: { properties: { name: string; isReference?: boolean; isAttr?: boolean }[] };
  get(name: string): unknown;
  [key: string]: unknown;
}

interface DiagramElementDi extends ModdleNode {
  bpmnElement?: ModdleNode;
}

interface Recorded {
  plane: ModdleNode;
  elements: DiagramElementDi[];
}

function planesOf(definitions: ModdleNode): ModdleNode[] {
  const diagrams = (definitions.get('diagrams') as ModdleNode[] | undefined) ?? [];
  return diagrams.map((diagram) => diagram.get('plane') as ModdleNode | undefined).filter((plane): plane is ModdleNode => !!plane);
}

/** Every element contained (not referenced) under `root`. */
function containedElements(root: ModdleNode): Set<unknown> {
  const found = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || found.has(node) || typeof (node as ModdleNode).$type !== 'string') return;
    found.add(node);
    for (const property of (node as ModdleNode).$descriptor?.properties ?? []) {
      if (property.isReference || property.isAttr) continue;
      const value = (node as ModdleNode)[property.name];
      if (Array.isArray(value)) value.forEach(walk);
      else walk(value);
    }
  };
  walk(root);
  return found;
}

class PreserveDiagramInterchange {
  static $inject = ['eventBus'];

  private recorded: Recorded[] = [];

  constructor(eventBus: { on(event: string, priority: number, fn: (event: { definitions: ModdleNode }) => unknown): void }) {
    // Before bpmn-js's own import handlers (SubprocessCompatibility listens at 1500) move or drop anything.
    eventBus.on('import.render.start', 2000, ({ definitions }) => {
      this.recorded = planesOf(definitions).map((plane) => ({ plane, elements: [...((plane.get('planeElement') as DiagramElementDi[] | undefined) ?? [])] }));
    });
    eventBus.on('saveXML.start', 1000, ({ definitions }) => {
      const placed = new Set(planesOf(definitions).flatMap((plane) => (plane.get('planeElement') as DiagramElementDi[] | undefined) ?? []));
      const inModel = containedElements(definitions);
      for (const { plane, elements } of this.recorded) {
        if (!inModel.has(plane)) continue;
        const missing = elements.filter((di) => !placed.has(di) && (!di.bpmnElement || inModel.has(di.bpmnElement)));
        if (missing.length > 0) (plane.get('planeElement') as DiagramElementDi[]).push(...missing);
      }
      return undefined;
    });
  }
}

export const preserveDiagramInterchangeModule = {
  __init__: ['preserveDiagramInterchange'],
  preserveDiagramInterchange: ['type', PreserveDiagramInterchange],
};
