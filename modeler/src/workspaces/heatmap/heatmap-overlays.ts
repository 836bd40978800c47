/**
 * @module heatmapOverlays — the counts on each step of the diagram: a tint over the shape from green (nothing overdue)
 * to red (all overdue), and a label "waiting · nearly due · overdue". Drawn with bpmn-js overlays, redrawn in place.
 */
import { t } from '../../i18n/locale';
import { element } from '../common/element';
import type { ElementCounts } from '../common/stats-api';

interface Shape {
  id: string;
  type: string;
  width: number;
  height: number;
  businessObject?: { name?: string };
}

export interface OverlayServices {
  elementRegistry: { filter(fn: (shape: Shape) => boolean): Shape[] };
  overlays: { add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string; remove(filter: { type: string }): void };
}

const STEP_TYPES = new Set(['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask', 'bpmn:ReceiveTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask', 'bpmn:CallActivity', 'bpmn:SubProcess']);
const EMPTY: ElementCounts = { waiting: 0, nearlyDue: 0, overdue: 0, paused: 0 };

/** Hue 120 (green) at no overdue share to 0 (red) when every waiting dossier is overdue. */
export function heatColour(counts: ElementCounts): string {
  if (counts.waiting === 0) return 'hsla(210, 10%, 60%, 0.12)';
  const share = Math.min(1, counts.overdue / counts.waiting);
  return `hsla(${Math.round(120 * (1 - share))}, 75%, 45%, 0.32)`;
}

export function stepShapes(services: OverlayServices): Shape[] {
  return services.elementRegistry.filter((shape) => STEP_TYPES.has(shape.type));
}

/** Replaces every heatmap overlay with the counts of `elements`; `onSelect` is called with the clicked step. */
export function drawOverlays(services: OverlayServices, elements: Record<string, ElementCounts>, onSelect: (elementId: string, name: string) => void): void {
  services.overlays.remove({ type: 'heatmap' });
  for (const shape of stepShapes(services)) {
    const counts = { ...EMPTY, ...elements[shape.id] };
    const name = shape.businessObject?.name ?? shape.id;
    const select = () => onSelect(shape.id, name);
    const tint = element('div', {
      className: 'ws-heat-tint',
      attrs: { title: t('ws.heatmap.tooltip', { name, waiting: counts.waiting, nearlyDue: counts.nearlyDue, overdue: counts.overdue }) },
      dataset: { elementId: shape.id, share: String(counts.waiting ? counts.overdue / counts.waiting : 0) },
      on: { click: select },
    });
    tint.style.width = `${shape.width}px`;
    tint.style.height = `${shape.height}px`;
    tint.style.background = heatColour(counts);
    const label = element(
      'button',
      { className: 'ws-heat-label', attrs: { type: 'button', 'aria-label': t('ws.heatmap.tooltip', { name, waiting: counts.waiting, nearlyDue: counts.nearlyDue, overdue: counts.overdue }) }, dataset: { elementId: shape.id }, on: { click: select } },
      element('span', { className: 'ws-heat-waiting', text: String(counts.waiting), attrs: { title: t('ws.heatmap.waiting') } }),
      element('span', { className: 'ws-heat-nearly', text: String(counts.nearlyDue), attrs: { title: t('ws.mark.nearlyDue') } }),
      element('span', { className: 'ws-heat-overdue', text: String(counts.overdue), attrs: { title: t('ws.mark.overdue') } }),
    );
    services.overlays.add(shape.id, 'heatmap', { position: { top: 0, left: 0 }, html: tint });
    services.overlays.add(shape.id, 'heatmap', { position: { bottom: -12, left: 4 }, html: label });
  }
}
