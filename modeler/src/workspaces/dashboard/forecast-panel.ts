/**
 * @module forecastPanel — the supervisors' "what if arrivals double next month" on the dashboard (issue 19): a small
 * form (procedure, multiplier ×0.1–×5, the period — next month when left empty —, officials per agency) that asks the
 * server's forecast (`POST /api/simulation/forecasts`) and shows, marked as a prediction, the predicted on-time share
 * with its 95 % interval at today's arrivals and at the multiplied ones beside the measured rate (Decision 766), which
 * way it changes and whether that is beyond the simulation's error, the agency most responsible for lateness, and how
 * busy each unit is. The server decides every figure and bound; the form's limits only spare a round trip.
 */
import type { AgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { simulationApi, type ForecastAnswer, type ForecastFigures, type ForecastRequest } from '../common/simulation-api';
import type { ProcedureSummary } from '../common/workspace-api';
import { formatNumber, formatPercent } from '../common/workspace-format';
import { forecastText as ft, type ForecastTextKey } from './forecast-text';

const MIN_FACTOR = 0.1;
const MAX_FACTOR = 5;
const MAX_OFFICIALS = 500;

const dayOf = (iso: string) => iso.split('-').reverse().join('/');

/** dd/mm/yyyy → yyyy-mm-dd; undefined when empty or malformed. */
function toIsoDay(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

const field = (label: string, control: HTMLElement) => element('label', { className: 'ws-fc-field' }, element('span', { text: label }), control);

export function renderForecastPanel(procedures: ProcedureSummary[], names: AgencyNames, initialKey?: string): HTMLElement {
  const procedure = element('select', { attrs: { name: 'forecastProcedure' } },
    element('option', { text: ft('pickProcedure'), attrs: { value: '' } }),
    ...procedures.map((item) => element('option', { text: item.name, attrs: { value: item.key } })));
  if (initialKey && procedures.some((item) => item.key === initialKey)) procedure.value = initialKey;
  const factor = element('input', { attrs: { name: 'arrivalFactor', type: 'number', min: String(MIN_FACTOR), max: String(MAX_FACTOR), step: '0.1', value: '2', required: '', inputmode: 'decimal' } });
  const from = element('input', { className: 'ws-day', attrs: { name: 'forecastFrom', placeholder: 'dd/mm/yyyy', inputmode: 'numeric', size: '10' } });
  const to = element('input', { className: 'ws-day', attrs: { name: 'forecastTo', placeholder: 'dd/mm/yyyy', inputmode: 'numeric', size: '10' } });
  const staffing = element('div', { className: 'ws-fc-staffing' },
    ...names.list.map((agency) => element('label', { className: 'ws-fc-unit' },
      element('span', { text: agency.name }),
      element('input', { attrs: { name: `staffing.${agency.id}`, type: 'number', min: '1', max: String(MAX_OFFICIALS), step: '1', inputmode: 'numeric', 'aria-label': `${agency.name}: ${ft('officials')}` }, dataset: { agencyId: agency.id } }),
    )));
  const run = element('button', { className: 'lt-button lt-primary', text: ft('run'), attrs: { type: 'submit' } });
  const result = element('div', { className: 'ws-fc-result', attrs: { 'aria-live': 'polite' } });
  const form = element('form', { className: 'ws-fc-form' },
    field(ft('procedure'), procedure),
    field(ft('factor'), factor),
    field(ft('from'), from),
    field(ft('to'), to),
    element('details', { className: 'ws-fc-details' }, element('summary', { text: ft('staffing') }), element('p', { className: 'ws-muted', text: ft('staffingHint') }), staffing),
    run,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!procedure.value) {
      result.replaceChildren(element('p', { className: 'ws-muted', text: ft('pickProcedure') }));
      return;
    }
    const officials = [...staffing.querySelectorAll('input')].flatMap((input) => (input.value ? [[input.dataset.agencyId!, Number(input.value)] as const] : []));
    const request: ForecastRequest = {
      procedureKey: procedure.value, arrivalFactor: Number(factor.value),
      ...(toIsoDay(from.value) ? { from: toIsoDay(from.value) } : {}), ...(toIsoDay(to.value) ? { to: toIsoDay(to.value) } : {}),
      ...(officials.length > 0 ? { staffing: Object.fromEntries(officials) } : {}),
    };
    run.disabled = true;
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(element('p', { className: 'ws-muted', text: ft('running') }));
    void simulationApi.forecast(request)
      .then((answer) => result.replaceChildren(renderAnswer(answer, names)))
      .catch((error: unknown) => result.replaceChildren(errorNote(error)))
      .finally(() => {
        run.disabled = false;
        result.setAttribute('aria-busy', 'false');
      });
  });

  return element('section', { className: 'ws-card ws-forecast', dataset: { section: 'forecast' } },
    element('div', { className: 'ws-card-head' }, element('h3', { text: ft('title') })),
    element('p', { className: 'ws-muted', text: ft('intro') }),
    form,
    result,
  );
}

/** How the multiplied forecast compares with today's: the words say whether the difference exceeds the error. */
function comparison(answer: ForecastAnswer): { key: ForecastTextKey; points: number } {
  const { baseline, scenario } = answer;
  const points = Math.round(Math.abs(scenario.onTimeShare - baseline.onTimeShare) * 1000) / 10;
  const overlap = scenario.ci95.low <= baseline.ci95.high && baseline.ci95.low <= scenario.ci95.high;
  if (points === 0) return { key: 'equal', points };
  if (scenario.onTimeShare < baseline.onTimeShare) return { key: overlap ? 'lowerWithinNoise' : 'lower', points };
  return { key: overlap ? 'higherWithinNoise' : 'higher', points };
}

function renderAnswer(answer: ForecastAnswer, names: AgencyNames): HTMLElement {
  const factor = formatNumber(answer.scenario.arrivalFactor, 2);
  const figure = (kind: string, label: string, value: string, note: string) =>
    element('div', { className: `ws-figure ws-fc-figure ws-fc-${kind}`, dataset: { figure: kind } },
      element('span', { className: 'ws-figure-value', text: value }),
      element('span', { className: 'ws-figure-label', text: label }),
      element('span', { className: 'ws-figure-note', text: note }));
  const predicted = (kind: string, figures: ForecastFigures) =>
    figure(kind, ft('predicted', { factor: formatNumber(figures.arrivalFactor, 2) }), formatPercent(figures.onTimeShare),
      ft('predictedNote', { low: formatPercent(figures.ci95.low), high: formatPercent(figures.ci95.high), runs: formatNumber(figures.replications, 0), dossiers: formatNumber(figures.receivedPerRun, 1) }));
  const measured = answer.measured;
  const { key, points } = comparison(answer);
  const { scenario, baseline } = answer;
  const responsible = scenario.mostResponsibleAgencyId;
  const unitName = (unitKey: string) => {
    const [agencyId, departmentId] = unitKey.split('/');
    return departmentId ? `${names.department(departmentId)} (${names.agency(agencyId)})` : names.agency(agencyId);
  };
  const busy = (value: number | undefined) => (value === undefined ? ft('unlimited') : formatPercent(value));
  const baselineUnits = new Map(baseline.units.map((unit) => [unit.key, unit]));
  return element('div', { className: 'ws-fc-answer', dataset: { comparison: key } },
    element('p', { className: 'ws-fc-disclaimer', attrs: { role: 'note' }, text: ft('disclaimer') }),
    element('p', { className: 'ws-muted', text: ft('period', {
      from: dayOf(answer.period.from), to: dayOf(answer.period.to), historyFrom: dayOf(answer.history.from), historyTo: dayOf(answer.history.to),
      received: formatNumber(answer.history.received, 0), perDay: formatNumber(answer.history.perWorkingDay, 2),
    }) }),
    element('div', { className: 'ws-cards ws-fc-cards' },
      figure('measured', ft('measured'), measured ? formatPercent(measured.onTimeRate) : '—',
        measured ? ft('measuredNote', { from: dayOf(answer.history.from), to: dayOf(answer.history.to), onTime: formatNumber(measured.onTime, 0), processed: formatNumber(measured.processed, 0) }) : ft('noMeasured')),
      predicted('baseline', baseline),
      predicted('scenario', scenario),
    ),
    scenario.complete && baseline.complete ? null : element('p', { className: 'ws-error', text: ft('incomplete') }),
    element('p', { className: 'ws-fc-comparison', text: ft(key, { factor, points: formatNumber(points, 1) }) }),
    element('p', { className: 'ws-fc-responsible', dataset: responsible ? { agencyId: responsible } : {}, text: responsible
      ? ft('responsible', { agency: names.agency(responsible), share: formatPercent((scenario.lateByAgency[responsible] ?? 0) / Math.max(1, scenario.late)) })
      : ft('noLate') }),
    element('h4', { text: ft('units') }),
    element('div', { className: 'ws-fc-scroll' }, element('table', { className: 'ws-table ws-fc-units' },
      element('thead', {}, element('tr', {}, ...[ft('col.unit'), ft('col.officials'), ft('col.baseline'), ft('col.scenario', { factor }), ft('col.waiting', { factor })].map((text) => element('th', { text })))),
      element('tbody', {}, ...scenario.units.map((unit) => element('tr', { dataset: { unit: unit.key } },
        element('td', { text: unitName(unit.key) }),
        element('td', { text: unit.officials === undefined ? ft('unlimited') : formatNumber(unit.officials, 0) }),
        element('td', { text: busy(baselineUnits.get(unit.key)?.utilisation) }),
        element('td', { text: busy(unit.utilisation) }),
        element('td', { text: formatNumber(unit.meanWaitingHours, 1) }),
      ))),
    )),
  );
}
