/**
 * @module workingDaysChart — the distribution of the dossiers' total working days in scenarios A and B (bars per half
 * day, as the engine's histogram), with the statutory deadline drawn as a vertical line: what lies right of it is late.
 * Chart.js, with only the parts the chart uses registered.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type Plugin } from 'chart.js';
import { t } from '../../i18n/locale';
import { formatNumber } from '../../workspaces/common/workspace-format';
import type { SimulationResult } from '../../../../engine/src/simulation/simulation-tally';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Histogram = SimulationResult['workingDays']['histogram'];
const BIN_DAYS = 0.5;

/** Counts of `histogram` on `bins` bins of half a day from 0. */
function countsOn(histogram: Histogram, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const bin of histogram) counts[Math.min(bins - 1, Math.round(bin.fromDays / BIN_DAYS))]! += bin.count;
  return counts;
}

/** A dashed vertical line at `days` working days on the category axis of half-day bins. */
function deadlineLine(days: number | undefined): Plugin<'bar'> {
  return {
    id: 'statutoryDeadline',
    afterDatasetsDraw(chart) {
      if (days === undefined) return;
      const scale = chart.scales.x!;
      const bins = chart.data.labels?.length ?? 0;
      if (bins === 0) return;
      // Bin i covers [i/2, i/2 + 1/2): the deadline sits on the left edge of bin days/0.5.
      const step = (scale.getPixelForValue(Math.min(bins - 1, 1)) - scale.getPixelForValue(0)) || scale.width / bins;
      const x = scale.getPixelForValue(0) - step / 2 + (days / BIN_DAYS) * step;
      const { top, bottom } = chart.chartArea;
      const context = chart.ctx;
      context.save();
      context.strokeStyle = '#b42318';
      context.lineWidth = 2;
      context.setLineDash([6, 4]);
      context.beginPath();
      context.moveTo(x, top);
      context.lineTo(x, bottom);
      context.stroke();
      context.fillStyle = '#b42318';
      context.font = '12px "Noto Sans", sans-serif';
      context.fillText(t('sim.chartDeadline'), x + 4, top + 12);
      context.restore();
    },
  };
}

/** Draws A and B on `canvas`; returns the chart to destroy. */
export function drawWorkingDaysChart(canvas: HTMLCanvasElement, a: SimulationResult, b: SimulationResult): Chart<'bar'> {
  const deadline = a.statutory?.unit === 'workingDays' ? a.statutory.value : undefined;
  const bins = Math.max(a.workingDays.histogram.length, b.workingDays.histogram.length, deadline !== undefined ? Math.ceil(deadline / BIN_DAYS) + 2 : 1);
  const counts = [countsOn(a.workingDays.histogram, bins), countsOn(b.workingDays.histogram, bins)];
  // The empty half days before the fastest dossier are left out: one bin of margin stays.
  const fastest = Math.min(...counts.map((series) => series.findIndex((count) => count > 0)).filter((index) => index >= 0), bins);
  const first = Math.max(0, Math.min(fastest, deadline === undefined ? bins : Math.floor(deadline / BIN_DAYS)) - 1);
  const labels = Array.from({ length: bins - first }, (_, index) => formatNumber((first + index) * BIN_DAYS));
  return new Chart<'bar', number[], string>(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t('sim.scenario', { name: 'A' }), data: counts[0]!.slice(first), backgroundColor: 'rgba(91, 143, 199, 0.75)' },
        { label: t('sim.scenario', { name: 'B' }), data: counts[1]!.slice(first), backgroundColor: 'rgba(230, 145, 56, 0.75)' },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { title: { display: true, text: t('sim.chartX') }, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('sim.chartY') } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
    plugins: [deadlineLine(deadline === undefined ? undefined : deadline - first * BIN_DAYS)],
  });
}
