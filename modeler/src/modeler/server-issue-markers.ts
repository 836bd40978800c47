/**
 * @module serverIssueMarkers — the issues the server found (on a refused deploy or a check) shown on the diagram:
 * each named element gets a red outline and a badge with the server's messages, as bpmnlint does for the browser's
 * own rules. The engine's validation sees more than those rules, so these marks can be the only ones on a diagram.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type { ListedIssue } from './issues-panel';

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
interface ElementRegistry {
  get(id: string): { type: string } | undefined;
}

export interface ServerIssueMarkers {
  show(issues: ListedIssue[]): void;
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
      const byElement = new Map<string, ListedIssue[]>();
      for (const issue of issues) byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue]);
      for (const [id, found] of byElement) {
        const element = registry.get(id);
        // Issues about the whole model (the definitions, a process without a pool) stay in the list only.
        if (!element || element.type === 'bpmn:Process' || element.type === 'bpmn:Collaboration') continue;
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
