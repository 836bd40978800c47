/**
 * @module latenessOverlays — a simulation's result on the draft's diagram: each step tinted by its share of lateness
 * (the share of late dossiers in which the step overran its budget, attributed by the statistics' rule), with the share
 * written under it and a legend of the five classes. Drawn as bpmn-js overlays of type `simulation`, so the diagram
 * itself (and the saved XML) is never changed.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { t } from '../../i18n/locale';
import { formatNumber, formatPercent } from '../../workspaces/common/workspace-format';
import type { StepFigures } from '../../../../engine/src/simulation/simulation-tally';

export type LateClass = 'none' | 'low' | 'mid' | 'high' | 'top';

/** Lower bound of each class, from the top: ≥ 60 %, 30–60 %, 10–30 %, under 10 %, none. */
const CLASSES: [LateClass, number][] = [['top', 0.6], ['high', 0.3], ['mid', 0.1], ['low', Number.MIN_VALUE]];

export const LATE_COLOURS: Record<LateClass, string> = {
  none: 'hsla(140, 55%, 40%, 0.22)',
  low: 'hsla(80, 70%, 42%, 0.30)',
  mid: 'hsla(48, 95%, 50%, 0.38)',
  high: 'hsla(25, 90%, 50%, 0.42)',
  top: 'hsla(0, 80%, 48%, 0.45)',
};

export function lateClass(share: number): LateClass {
  return CLASSES.find(([, from]) => share >= from)?.[0] ?? 'none';
}

interface Shape {
  id: string;
  width: number;
  height: number;
}

type Overlays = { add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string; remove(filter: { type: string }): void };

/** One step's figures over its units: counts, waiting and working weighted by count, lateness shares added. */
function byElement(steps: readonly StepFigures[]): Map<string, { count: number; waitingHours: number; workingHours: number; lateShare: number }> {
  const merged = new Map<string, { count: number; waitingHours: number; workingHours: number; lateShare: number }>();
  for (const step of steps) {
    const sums = merged.get(step.elementId) ?? { count: 0, waitingHours: 0, workingHours: 0, lateShare: 0 };
    sums.waitingHours = (sums.waitingHours * sums.count + step.meanWaitingHours * step.count) / Math.max(1, sums.count + step.count);
    sums.workingHours = (sums.workingHours * sums.count + step.meanWorkingHours * step.count) / Math.max(1, sums.count + step.count);
    sums.count += step.count;
    sums.lateShare += step.lateShare;
    merged.set(step.elementId, sums);
  }
  return merged;
}

/** Replaces the simulation's tints with those of `steps` (scenario `scenario`); steps no dossier reached stay plain. */
export function drawLatenessOverlays(modeler: BpmnModeler, steps: readonly StepFigures[], scenario: string): void {
  const overlays = modeler.get<Overlays>('overlays');
  const registry = modeler.get<{ get(id: string): (Shape & { businessObject?: { name?: string } }) | undefined }>('elementRegistry');
  overlays.remove({ type: 'simulation' });
  for (const [elementId, figures] of byElement(steps)) {
    const shape = registry.get(elementId);
    if (!shape) continue;
    const share = Math.min(1, figures.lateShare);
    const kind = lateClass(share);
    const name = shape.businessObject?.name?.replace(/\s+/g, ' ').trim() || elementId;
    const title = t('sim.overlay', { scenario, share: formatPercent(share), name, waiting: formatNumber(figures.waitingHours), working: formatNumber(figures.workingHours) });
    const tint = document.createElement('div');
    tint.className = 'sim-late-tint';
    tint.dataset.elementId = elementId;
    tint.dataset.lateClass = kind;
    tint.dataset.share = String(share);
    tint.title = title;
    tint.style.width = `${shape.width}px`;
    tint.style.height = `${shape.height}px`;
    tint.style.background = LATE_COLOURS[kind];
    const label = document.createElement('span');
    label.className = 'sim-late-label';
    label.dataset.lateClass = kind;
    label.textContent = formatPercent(share);
    label.title = title;
    overlays.add(elementId, 'simulation', { position: { top: 0, left: 0 }, html: tint });
    overlays.add(elementId, 'simulation', { position: { bottom: -10, right: 4 }, html: label });
  }
}

export function clearLatenessOverlays(modeler: BpmnModeler): void {
  modeler.get<Overlays>('overlays').remove({ type: 'simulation' });
}

/** The legend of the five classes, for a corner of the diagram. */
export function latenessLegend(): HTMLElement {
  const legend = document.createElement('div');
  legend.className = 'sim-legend';
  legend.setAttribute('role', 'note');
  const title = document.createElement('strong');
  title.textContent = t('sim.legend');
  legend.append(title);
  for (const kind of ['none', 'low', 'mid', 'high', 'top'] as const) {
    const row = document.createElement('span');
    row.className = 'sim-legend-row';
    const swatch = document.createElement('i');
    swatch.style.background = LATE_COLOURS[kind].replace(/, 0\.\d+\)$/, ', 0.85)');
    row.append(swatch, t(`sim.legend.${kind}`));
    legend.append(row);
  }
  return legend;
}
