/**
 * @module trendChart — received and finished dossiers per day, week or month (bars) with the on-time rate (line, right
 * axis), drawn with Chart.js; only the parts of Chart.js the chart uses are registered, to keep the page small.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { t } from '../../i18n/locale';
import type { TrendPoint } from '../common/stats-api';
import { formatDate } from '../common/workspace-format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export interface TrendChart {
  update(points: TrendPoint[]): void;
  destroy(): void;
}

export function createTrendChart(canvas: HTMLCanvasElement): TrendChart {
  const chart = new Chart<'bar' | 'line', (number | null)[], string>(canvas, {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { type: 'bar', label: t('ws.dash.received'), data: [], backgroundColor: '#5b8fc7', yAxisID: 'count' },
        { type: 'bar', label: t('ws.dash.finished'), data: [], backgroundColor: '#7cb87f', yAxisID: 'count' },
        { type: 'line', label: t('ws.dash.onTimeRate'), data: [], borderColor: '#c62828', backgroundColor: '#c62828', yAxisID: 'rate', tension: 0, spanGaps: true },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('ws.dash.dossiers') } },
        rate: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: t('ws.dash.onTimeRatePercent') } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return {
    update(points) {
      chart.data.labels = points.map((point) => formatDate(point.periodStart) || point.periodStart);
      chart.data.datasets[0]!.data = points.map((point) => point.received);
      chart.data.datasets[1]!.data = points.map((point) => point.finished);
      chart.data.datasets[2]!.data = points.map((point) => (point.onTimeRate === null ? null : Math.round(point.onTimeRate * 1000) / 10));
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
