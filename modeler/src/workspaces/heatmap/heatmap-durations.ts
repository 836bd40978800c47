/**
 * @module heatmapDurations — the measured durations on the heatmap (issue 19): above each step its median and p90 in
 * working days with the number of completed steps they rest on, the slowest steps (by p90) outlined and numbered, and a
 * legend that says what the figures are, for which period, with the CSV export beside it. The figures are the
 * server's (`GET /api/simulation/durations`), drawn with bpmn-js overlays and redrawn in place.
 */
import { element } from '../common/element';
import type { MeasuredDurations, MeasuredStep } from '../common/simulation-api';
import { formatNumber } from '../common/workspace-format';
import { durationText } from './duration-text';
import { stepShapes, type OverlayServices } from './heatmap-overlays';

const OVERLAY = 'heatmap-durations';
/** Below this many samples the simulation fits a lognormal instead of the measured distribution (engine fit-duration). */
const FEW_SAMPLES = 30;

const days = (value: number | undefined) => formatNumber(value ?? null, 1);
const dayOf = (iso: string) => iso.split('-').reverse().join('/');

/** Replaces the duration overlays with the figures of `durations` (none when undefined). */
export function drawDurations(services: OverlayServices, durations: MeasuredDurations | undefined): void {
  services.overlays.remove({ type: OVERLAY });
  if (!durations) return;
  const byElement = new Map<string, MeasuredStep>(durations.steps.map((step) => [step.elementId, step]));
  for (const shape of stepShapes(services)) {
    const step = byElement.get(shape.id);
    const name = shape.businessObject?.name ?? shape.id;
    if (!step || step.count === 0 || step.p50WorkingDays === undefined) {
      services.overlays.add(shape.id, OVERLAY, { position: { top: -22, left: 0 }, html: element('div', { className: 'ws-dur-badge ws-dur-empty', text: durationText('noSample'), dataset: { elementId: shape.id } }) });
      continue;
    }
    const figures = { name, p50: days(step.p50WorkingDays), p90: days(step.p90WorkingDays), count: step.count };
    const badge = element('div', {
      className: `ws-dur-badge${step.slowestRank ? ' ws-dur-slow' : ''}${step.count < FEW_SAMPLES ? ' ws-dur-few' : ''}`,
      attrs: { title: `${durationText('tooltip', figures)}${step.count < FEW_SAMPLES ? `. ${durationText('fewSamples')}` : ''}` },
      dataset: { elementId: shape.id, p50: String(step.p50WorkingDays), p90: String(step.p90WorkingDays), count: String(step.count), ...(step.slowestRank ? { slowestRank: String(step.slowestRank) } : {}) },
    },
      element('span', { className: 'ws-dur-figures', text: durationText('badge', figures) }),
      element('span', { className: 'ws-dur-line' },
        element('span', { className: 'ws-dur-sample', text: durationText('sample', figures) }),
        step.slowestRank ? element('span', { className: 'ws-dur-rank', text: durationText('slowest', { rank: step.slowestRank }) }) : null),
    );
    services.overlays.add(shape.id, OVERLAY, { position: { top: -36, left: -6 }, html: badge });
    if (step.slowestRank) {
      const outline = element('div', { className: 'ws-dur-outline', dataset: { elementId: shape.id } });
      outline.style.width = `${shape.width + 8}px`;
      outline.style.height = `${shape.height + 8}px`;
      services.overlays.add(shape.id, OVERLAY, { position: { top: -4, left: -4 }, html: outline });
    }
  }
}

/** The legend of the figures, for the period measured, with the CSV export. */
export function durationLegend(durations: MeasuredDurations, csvButton: HTMLElement): HTMLElement {
  const slowest = durations.steps.filter((step) => step.slowestRank !== undefined).length;
  return element('div', { className: 'ws-dur-legend', dataset: { period: `${durations.period.from}/${durations.period.to}` } },
    element('strong', { text: durationText('title') }),
    element('span', { className: 'ws-muted', text: durationText('period', { from: dayOf(durations.period.from), to: dayOf(durations.period.to) }) }),
    element('span', { className: 'ws-dur-key' }, element('span', { className: 'ws-dur-badge ws-dur-sample-key', text: durationText('legendFigures') })),
    slowest > 0 ? element('span', { className: 'ws-dur-key' }, element('span', { className: 'ws-dur-outline-key' }), element('span', { text: durationText('legendSlowest', { count: slowest }) })) : null,
    csvButton,
  );
}
