/**
 * @module dashboardView — the supervisors' page (Decision 766/QĐ-TTg): period and scope pickers; the on-time rate with
 * its parts, received dossiers, average processing time, online rate, the nearly-due, overdue and orphaned step counts; figures per agency, department,
 * official and procedure with drill-down to the steps and dossiers; the trend chart; delay attribution per agency.
 * Every table has its CSV, the server's own export of the same query. Below, the forecast "what if arrivals double next
 * month" (./forecast-panel.ts, issue 19).
 */
import '../workspaces.css';
import { t, type MessageKey } from '../../i18n/locale';
import type { MountView } from '../../shell/route-table';
import { loadAgencyNames, type AgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { mountSignedIn } from '../common/sign-in-gate';
import { statsApi, type StatsSummary } from '../common/stats-api';
import { workspaceApi, type Query } from '../common/workspace-api';
import { formatNumber, formatPercent } from '../common/workspace-format';
import { csvButton } from './csv-button';
import { dashboardText, type DashboardTextKey } from './dashboard-text';
import { renderDrillDown, renderOrphanedSteps } from './drill-down';
import { breakdownTable, delayTable } from './stats-tables';
import { createTrendChart, type TrendChart } from './trend-chart';
import { renderForecastPanel } from './forecast-panel';
import { mountOutboxSummary } from '../outbox/outbox-summary';

type By = 'agency' | 'department' | 'official' | 'procedure';
const BY: By[] = ['agency', 'department', 'official', 'procedure'];
const FILTER_OF: Record<By, string> = { agency: 'agencyId', department: 'departmentId', official: 'officialId', procedure: 'procedureKey' };

export const mountDashboardView: MountView = (container) => {
  const page = element('section', { className: 'ws-page ws-dashboard' });
  container.append(page);
  return mountSignedIn(page, (body, user) => {
    const unmount = renderDashboard(body);
    // The outbox's counts and alert after the summary (issue 20); administrators also get the console's link.
    const unmountOutbox = mountOutboxSummary(body.insertBefore(element('div', {}), body.children[3] ?? null), user.role === 'administrator');
    return () => (unmountOutbox(), unmount());
  });
};

function renderDashboard(container: HTMLElement): () => void {
  const params = new URLSearchParams(location.search);
  const from = dayInput('from', params.get('from'));
  const to = dayInput('to', params.get('to'));
  const agency = element('select', { attrs: { name: 'agencyId' } }, element('option', { text: t('ws.dash.all'), attrs: { value: '' } }));
  const procedure = element('select', { attrs: { name: 'procedureKey' } }, element('option', { text: t('ws.dash.all'), attrs: { value: '' } }));
  const interval = element('select', { attrs: { name: 'interval' } }, ...(['day', 'week', 'month'] as const).map((value) => element('option', { text: t(`ws.dash.interval.${value}`), attrs: { value } })));
  const status = element('div', { className: 'ws-status', attrs: { 'aria-live': 'polite' } });
  const cards = element('div', { className: 'ws-cards', attrs: { 'aria-busy': 'true' } });
  const byTabs = element('div', { className: 'ws-tabs', attrs: { role: 'tablist' } });
  const breakdown = element('div', { className: 'ws-breakdown-body' });
  const drill = element('div', { className: 'ws-drill' });
  const canvas = element('canvas', { attrs: { 'aria-label': t('ws.dash.trend'), role: 'img' } });
  const delays = element('div', {});
  let by: By = 'agency';
  let names: AgencyNames | undefined;
  let chart: TrendChart | undefined;
  let closed = false;

  const query = (): Query => ({ from: toIsoDay(from.value), to: toIsoDay(to.value), agencyId: agency.value || undefined, procedureKey: procedure.value || undefined });
  const filters = element(
    'form',
    { className: 'ws-filters' },
    labelled('ws.dash.from', from),
    labelled('ws.dash.to', to),
    labelled('ws.dash.agency', agency),
    labelled('ws.dash.procedure', procedure),
    element('button', { className: 'lt-button lt-primary', text: t('ws.dash.apply'), attrs: { type: 'submit' } }),
  );
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });

  container.append(
    element('div', { className: 'ws-toolbar' }, element('h2', { className: 'ws-title', text: t('nav.dashboard') }), filters),
    status,
    element('section', { className: 'ws-card', dataset: { section: 'summary' } }, heading('ws.dash.summary', csvButton('summary', query, 'tong-hop', status)), cards),
    element('section', { className: 'ws-card', dataset: { section: 'breakdown' } }, heading('ws.dash.breakdown', csvButton('breakdown', () => ({ ...query(), by }), () => `theo-${by}`, status)), byTabs, breakdown, drill),
    element('div', { className: 'ws-dash-grid' },
      element('section', { className: 'ws-card', dataset: { section: 'trend' } }, heading('ws.dash.trend', labelled('ws.dash.interval', interval), csvButton('trend', () => ({ ...query(), interval: interval.value }), 'xu-huong', status)), element('div', { className: 'ws-chart' }, canvas)),
      element('section', { className: 'ws-card', dataset: { section: 'delays' } }, heading('ws.dash.delays', csvButton('delays', query, 'quy-trach-nhiem-cham', status)), element('p', { className: 'ws-muted', text: t('ws.dash.delaysHint') }), delays),
    ),
  );

  const showDrill = (title: string, scope: Query) => {
    drill.replaceChildren(element('p', { className: 'ws-muted', text: t('ws.loading') }));
    void renderDrillDown(title, scope, names!, status).then((panel) => {
      if (!closed) drill.replaceChildren(panel);
    });
  };

  const showOrphaned = (scope: Query) => {
    drill.replaceChildren(element('p', { className: 'ws-muted', text: t('ws.loading') }));
    void renderOrphanedSteps(scope, names!, status).then((panel) => {
      if (!closed) drill.replaceChildren(panel);
    });
  };

  const renderTabs = () =>
    byTabs.replaceChildren(
      ...BY.map((value) =>
        element('button', {
          className: 'ws-tab',
          text: t(`ws.dash.by.${value}`),
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(by === value) },
          dataset: { by: value },
          on: {
            click: () => {
              by = value;
              renderTabs();
              void loadBreakdown();
            },
          },
        }),
      ),
    );

  const loadBreakdown = async () => {
    breakdown.setAttribute('aria-busy', 'true');
    drill.replaceChildren();
    try {
      const { rows } = await statsApi.breakdown({ ...query(), by });
      if (closed) return;
      const table = breakdownTable(rows, (row) => showDrill(row.label, { ...query(), [FILTER_OF[by]]: row.key }), by === 'official' ? 'steps' : 'dossiers');
      breakdown.replaceChildren(...(by === 'official' ? [element('p', { className: 'ws-muted ws-steps-note', text: dashboardText('stepsNote') })] : []), table);
    } catch (error) {
      breakdown.replaceChildren(errorNote(error));
    } finally {
      breakdown.setAttribute('aria-busy', 'false');
    }
  };

  const loadTrend = async () => {
    try {
      const { points } = await statsApi.trend({ ...query(), interval: interval.value });
      if (closed) return;
      chart ??= createTrendChart(canvas);
      chart.update(points);
    } catch (error) {
      status.replaceChildren(errorNote(error));
    }
  };
  interval.addEventListener('change', () => void loadTrend());

  const load = async () => {
    status.replaceChildren();
    cards.setAttribute('aria-busy', 'true');
    try {
      const summary = await statsApi.summary(query());
      if (closed) return;
      // The server chooses the default period (this month, on its clock): show it in the pickers.
      from.value ||= fromIsoDay(summary.period.from);
      to.value ||= fromIsoDay(summary.period.to);
      renderCards(cards, summary, () => showDrill(t('ws.dash.wholeScope'), query()), () => showOrphaned(query()));
      cards.setAttribute('aria-busy', 'false');
      await Promise.all([
        loadBreakdown(),
        loadTrend(),
        statsApi.delays(query()).then(({ rows }) => delays.replaceChildren(delayTable(rows))).catch((error: unknown) => delays.replaceChildren(errorNote(error))),
      ]);
    } catch (error) {
      cards.replaceChildren(errorNote(error));
    }
  };

  void (async () => {
    names = await loadAgencyNames();
    agency.append(...names.list.map((item) => element('option', { text: item.name, attrs: { value: item.id } })));
    const procedures = await workspaceApi.procedures().catch(() => []);
    procedure.append(...procedures.map((item) => element('option', { text: item.name, attrs: { value: item.key } })));
    if (!closed) container.append(renderForecastPanel(procedures, names, params.get('procedureKey') ?? undefined));
    if (params.get('agencyId')) agency.value = params.get('agencyId')!;
    if (params.get('procedureKey')) procedure.value = params.get('procedureKey')!;
    renderTabs();
    await load();
  })();

  return () => {
    closed = true;
    chart?.destroy();
  };
}

/** A day as officials write it, dd/mm/yyyy (a date input would follow the browser's language, not the page's). */
function dayInput(name: string, isoDay: string | null): HTMLInputElement {
  return element('input', { className: 'ws-day', attrs: { name, value: isoDay ? fromIsoDay(isoDay) : undefined, placeholder: 'dd/mm/yyyy', inputmode: 'numeric', pattern: '\\d{1,2}/\\d{1,2}/\\d{4}', size: '10' } });
}

function fromIsoDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** dd/mm/yyyy → yyyy-mm-dd for the API; undefined when empty or malformed (the server then picks the period). */
function toIsoDay(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

function labelled(key: MessageKey, control: HTMLElement): HTMLElement {
  return element('label', { className: 'ws-inline' }, element('span', { text: t(key) }), control);
}

function heading(key: MessageKey, ...tools: HTMLElement[]): HTMLElement {
  return element('div', { className: 'ws-card-head' }, element('h3', { text: t(key) }), element('div', { className: 'ws-card-tools' }, ...tools));
}

/**
 * The headline cards. Each figure is shown with its parts, so that what is on the screen adds up: the on-time rate
 * beside the five kinds of dossier it counts (Decision 766/QĐ-TTg), the received card beside the rate's denominator
 * split into finished and in process; a rate with no denominator is "—" with the reason.
 */
function renderCards(target: HTMLElement, summary: StatsSummary, onSteps: () => void, onOrphaned: () => void): void {
  const card = (figure: string, label: string, value: string, notes: (HTMLElement | string | null)[], onClick?: () => void) => {
    const node = element(onClick ? 'button' : 'div', { className: `ws-figure ws-figure-${figure}`, dataset: { figure }, attrs: onClick ? { type: 'button' } : {} },
      element('span', { className: 'ws-figure-value', text: value }),
      element('span', { className: 'ws-figure-label', text: label }),
      ...notes.map((note) => (typeof note === 'string' ? element('span', { className: 'ws-figure-note', text: note }) : note)),
    );
    if (onClick) node.addEventListener('click', onClick);
    return node;
  };
  const parts: [string, number][] = [
    ['finishedEarly', summary.finishedEarly],
    ['finishedOnTime', summary.finishedOnTime],
    ['inProcessInTime', summary.inProcessInTime + summary.pausedInTime],
    ['finishedOverdue', summary.finishedOverdue],
    ['inProcessOverdue', summary.inProcessOverdue + summary.pausedOverdue],
  ];
  const partList = element('ul', { className: 'ws-figure-parts' },
    ...parts.map(([part, value]) => element('li', { dataset: { part } },
      element('span', { className: 'ws-part-label', text: dashboardText(`part.${part}` as DashboardTextKey) }),
      element('span', { className: 'ws-part-value', text: formatNumber(value, 0) }),
    )),
  );
  const rateNote = summary.onTimeRate === null
    ? dashboardText('noRateReason')
    : dashboardText('rateFormula', { onTime: formatNumber(summary.onTime, 0), processed: formatNumber(summary.processed, 0) });
  target.replaceChildren(
    card('onTimeRate', dashboardText('onTimeRate'), formatPercent(summary.onTimeRate), [rateNote, partList]),
    card('received', dashboardText('received'), formatNumber(summary.received, 0), [
      dashboardText('receivedNote', { processed: formatNumber(summary.processed, 0), finished: formatNumber(summary.finished, 0), inProcess: formatNumber(summary.inProcess, 0) }),
    ]),
    card('averageProcessingDays', dashboardText('averageTime'), formatNumber(summary.averageProcessingDays), [
      summary.averageProcessingDays === null ? dashboardText('noAverageReason') : dashboardText('averageUnit'),
    ]),
    card('onlineRate', dashboardText('onlineRate'), formatPercent(summary.onlineRate), [summary.onlineRate === null ? dashboardText('noOnlineReason') : dashboardText('onlineNote')]),
    card('nearlyDueSteps', t('ws.dash.nearlyDueSteps'), formatNumber(summary.nearlyDueSteps, 0), [t('ws.dash.clickToList')], onSteps),
    card('overdueSteps', t('ws.dash.overdueSteps'), formatNumber(summary.overdueSteps, 0), [t('ws.dash.clickToList')], onSteps),
    card('orphanedSteps', dashboardText('orphanedSteps'), formatNumber(summary.orphanedSteps, 0), [dashboardText('orphanedNote')], onOrphaned),
  );
}
