/**
 * @module serverIssueMarkers — the issues the server found (on a refused deploy or a check) shown on the diagram:
 * each named element gets a red outline and a badge with the server's findings the browser's own rules did not make
 * (those carry bpmnlint's mark already). The engine's validation sees more than those rules, so these marks can be
 * the only ones on a diagram.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';

/** An issue only the server found, worded for the badge's tooltip. */
export interface MarkedIssue {
  elementId: string;
  severity: 'error' | 'warning';
  message: string;
}

const OVERLAY_TYPE = 'lt-server-issue';
const MARKER = 'lt-server-issue';

interface Overlays {
  add(elementId: string, type: string, overlay: { position: { top?: number; right?: number; left?: number }; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface RegisteredElement {
  id: string;
  type: string;
  businessObject: { get(name: string): unknown };
}
interface ElementRegistry {
  get(id: string): RegisteredElement | undefined;
  filter(fn: (element: RegisteredElement) => boolean): RegisteredElement[];
}

/**
 * The shape that stands for `elementId` on the canvas: the element itself, or, for a process drawn as a pool (the
 * engine names processes in its issues, e.g. missing procedure metadata), the participant that holds it.
 */
export function shapeIdFor(modeler: BpmnModeler, elementId: string): string | undefined {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const element = registry.get(elementId);
  if (element && element.type !== 'bpmn:Process' && element.type !== 'bpmn:Collaboration') return element.id;
  const pool = registry.filter((candidate) => candidate.type === 'bpmn:Participant' && (candidate.businessObject.get('processRef') as { id?: string } | undefined)?.id === elementId)[0];
  return pool?.id;
}

export interface ServerIssueMarkers {
  show(issues: MarkedIssue[]): void;
}

export function createServerIssueMarkers(modeler: BpmnModeler): ServerIssueMarkers {
  const overlays = modeler.get<Overlays>('overlays');
  const canvas = modeler.get<Canvas>('canvas');
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  let marked: string[] = [];
  const clear = () => {
    overlays.remove({ type: OVERLAY_TYPE });
    for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, MARKER);
    marked = [];
  };
  return {
    show(issues) {
      clear();
      const byShape = new Map<string, MarkedIssue[]>();
      for (const issue of issues) {
        // Issues about the whole model (the definitions, a process without a pool) stay in the list only.
        const id = shapeIdFor(modeler, issue.elementId);
        if (id) byShape.set(id, [...(byShape.get(id) ?? []), issue]);
      }
      for (const [id, found] of byShape) {
        const badge = document.createElement('div');
        const errors = found.filter((issue) => issue.severity === 'error');
        badge.className = `lt-server-issue-badge ${errors.length > 0 ? 'is-error' : 'is-warning'}`;
        badge.dataset.elementId = id;
        badge.textContent = String(found.length);
        badge.title = found.map((issue) => issue.message).join('\n');
        badge.setAttribute('role', 'img');
        badge.setAttribute('aria-label', badge.title);
        overlays.add(id, OVERLAY_TYPE, { position: { top: -12, left: -12 }, html: badge });
        canvas.addMarker(id, MARKER);
        marked.push(id);
      }
    },
  };
}
