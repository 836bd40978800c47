/**
 * @module SimulationPanel — "Mô phỏng" in the modeler (issue 19): the analyst simulates the draft being drawn, not
 * only a deployed version, under two scenarios side by side (A and B: officials per unit, a step's mean working time
 * where no history exists or to replace it, a branch's share), and reads the on-time share with its 95 % interval,
 * the distribution of working days against the statutory deadline, waiting vs working per step, the agency most often
 * responsible for lateness and the units' utilisation; the diagram is tinted by each step's share of lateness.
 * The server simulates (POST /api/simulation/runs, bounded there); this panel only asks and shows.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type { Chart } from 'chart.js';
import { currentLocale, t } from '../../i18n/locale';
import { api, ApiProblem, type Agency, type ValidationIssue } from '../../api/api-client';
import { problemMessage } from '../../workspaces/common/problem-message';
import { formatNumber, formatPercent } from '../../workspaces/common/workspace-format';
import { issueMessage } from '../checks/issue-catalogue';
import type { IssueCode } from '../checks/check-results';
import { parseProcedure } from '../../../../engine/src/model/parse-procedure';
import type { SimulationResult } from '../../../../engine/src/simulation/simulation-tally';
import type { HistoryMeasurement } from '../../../../engine/src/simulation/measure-history';
import { checkCommon, emptyScenario, HOURS_PER_WORKING_DAY, readDraftSteps, toRunBody, unitsOf, type CommonForm, type DraftBranch, type DraftStep, type ScenarioForm } from './draft-scenario';
import { clearLatenessOverlays, drawLatenessOverlays, latenessLegend } from './lateness-overlays';
import { drawWorkingDaysChart } from './working-days-chart';
import { fitDiagram } from '../fit-diagram';
import './simulation-panel.css';

type Name = 'A' | 'B';
const NAMES: Name[] = ['A', 'B'];

interface Ran {
  result: SimulationResult;
  measurement: HistoryMeasurement;
}

export interface SimulationPanelDeps {
  modeler: BpmnModeler;
  /** The draft as drawn now, and the key it is kept under (its deployed versions give the measured history). */
  readDraft(): Promise<{ xml: string; key: string }>;
  agencies(): readonly Agency[];
}

/** The next calendar month, as the default period. */
function nextMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

function unitName(agencies: readonly Agency[], key: string | undefined): string {
  if (!key) return '—';
  const [agencyId, departmentId] = key.split('/');
  const agency = agencies.find((candidate) => candidate.id === agencyId);
  const department = departmentId ? agency?.departments.find((candidate) => candidate.id === departmentId)?.name ?? departmentId : undefined;
  return [department, agency?.name ?? agencyId].filter(Boolean).join(', ');
}

/** What the server refused, one sentence per step or unit, in the interface's language. */
function refusalLines(error: unknown, scenario: Name, nameOf: (id: string) => string, unitOf: (key: string) => string): string[] {
  if (!(error instanceof ApiProblem)) return [problemMessage(error)];
  if (error.code === 'SCENARIO_TOO_LARGE') return [t('sim.error.tooLarge', { scenario })];
  if (error.code === 'SCENARIO_ELEMENT_UNKNOWN') {
    return error.issues.map((issue: ValidationIssue) => {
      if (issue.code === 'SCENARIO_UNIT_UNKNOWN') return t('sim.error.unitUnknown', { scenario, unit: unitOf(String(issue.params?.unit ?? '')) });
      if (issue.code === 'SCENARIO_SHARES_OVER_ONE') return t('sim.error.sharesOverOne', { scenario, name: nameOf(issue.elementId) });
      return t('sim.error.stepUnknown', { scenario, name: nameOf(issue.elementId) });
    });
  }
  if (error.code === 'PROCEDURE_INVALID' && error.issues.length > 0) return [t('sim.error.draftInvalid'), ...draftIssueLines(error.issues, nameOf)];
  return [problemMessage(error)];
}

/** The draft's own errors, each with the element it is about. */
function draftIssueLines(issues: readonly ValidationIssue[], nameOf: (id: string) => string): string[] {
  return issues.filter((issue) => issue.severity === 'error').map((issue) => {
    const message = issueMessage({ code: issue.code as IssueCode, elementId: issue.elementId, serverMessage: issue.message, ...(issue.variant ? { variant: issue.variant } : {}), ...(issue.params ? { params: issue.params } : {}) }, currentLocale(), nameOf(issue.elementId));
    return issue.elementId ? `«${nameOf(issue.elementId)}»: ${message}` : message;
  });
}

function sourceText(measurement: HistoryMeasurement | undefined, elementId: string): string {
  if (!measurement) return t('sim.source.unknown');
  const measured = measurement.steps.filter((step) => step.elementId === elementId);
  const count = measured.reduce((sum, step) => sum + step.count, 0);
  if (count === 0) return t('sim.source.none');
  const best = [...measured].sort((a, b) => b.count - a.count)[0]!;
  if (best.p50Hours === undefined) return t('sim.source.fewSamples', { count });
  return t('sim.source.measured', { count, p50: formatNumber(best.p50Hours) });
}

/** The decisions the inbox offers (approve, supplement, reject, return) in words; another one as it is written. */
const DECISIONS = new Set(['approve', 'supplement', 'reject', 'return']);
function branchLabel(branch: DraftBranch): string {
  if (branch.label) return branch.label;
  return DECISIONS.has(branch.decision) ? t(`sim.decision.${branch.decision}` as 'sim.decision.approve') : `«${branch.decision}»`;
}

function budgetLabel(step: DraftStep): string {
  if (!step.budget) return '—';
  return t(`ui.budget.${step.budget.unit}`, { n: String(step.budget.value).replace('.', currentLocale() === 'vi' ? ',' : '.') });
}

/** The draft's budget of a step in working days (8 working hours a day), shown in the empty budget fields. */
function budgetPlaceholder(step: DraftStep): string {
  const budget = step.budget;
  const days = budget?.unit === 'workingDays' ? budget.value : budget?.unit === 'workingHours' ? budget.value / HOURS_PER_WORKING_DAY : undefined;
  if (days === undefined) return '';
  return String(Math.round(days * 100) / 100).replace('.', currentLocale() === 'vi' ? ',' : '.');
}

function SimulationPanel({ deps, version, onClose }: { deps: SimulationPanelDeps; version: number; onClose(): void }) {
  const [common, setCommon] = useState<CommonForm>(() => ({ ...nextMonth(), arrivals: '', seed: '1' }));
  const [forms, setForms] = useState<Record<Name, ScenarioForm>>({ A: emptyScenario(), B: emptyScenario() });
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<{ A: Ran; B: Ran; version: number } | undefined>(undefined);
  const [colourBy, setColourBy] = useState<Name>('A');
  /** The scenarios' fields fold away once results are shown, so that results and diagram share the screen. */
  const [inputsOpen, setInputsOpen] = useState(true);
  const chartCanvas = useRef<HTMLCanvasElement>(null);
  const agencies = deps.agencies();

  const readSteps = async () => {
    const draft = await deps.readDraft();
    const parsed = await parseProcedure(draft.xml);
    const found = parsed.definition ? readDraftSteps(parsed.definition) : [];
    setSteps(found);
    return { draft, parsed, found };
  };
  useEffect(() => {
    void readSteps();
  }, [version]);

  useEffect(() => {
    if (!results || !chartCanvas.current) return undefined;
    const chart: Chart<'bar'> = drawWorkingDaysChart(chartCanvas.current, results.A.result, results.B.result);
    return () => chart.destroy();
  }, [results]);

  useEffect(() => {
    if (!results) return undefined;
    drawLatenessOverlays(deps.modeler, results[colourBy].result.steps, colourBy);
    const legend = latenessLegend();
    deps.modeler.get<{ getContainer(): HTMLElement }>('canvas').getContainer().append(legend);
    return () => {
      legend.remove();
      clearLatenessOverlays(deps.modeler);
    };
  }, [results, colourBy]);

  const nameOf = (id: string) => steps.find((step) => step.id === id)?.name ?? id;

  const run = async () => {
    setErrors([]);
    const { draft, parsed, found } = await readSteps();
    const named = (id: string) => found.find((step) => step.id === id)?.name ?? id;
    const invalid = parsed.issues.filter((issue) => issue.severity === 'error');
    if (!parsed.definition || invalid.length > 0) return setErrors([t('sim.error.draftInvalid'), ...draftIssueLines(invalid, named)]);
    if (found.length === 0) return setErrors([t('sim.error.noSteps')]);
    const problems = [...checkCommon(common)];
    const bodies = NAMES.map((name) => toRunBody(common, forms[name], name, found, draft.key.trim() || 'ban-nhap', draft.xml, (unit) => unitName(agencies, unit)));
    for (const body of bodies) if ('errors' in body) problems.push(...body.errors);
    if (problems.length > 0) return setErrors(problems);
    setRunning(true);
    const startedAt = version;
    const answers = await Promise.allSettled(bodies.map((body) => api.simulate(body as Exclude<typeof body, { errors: string[] }>)));
    setRunning(false);
    const refused = answers.flatMap((answer, index) => (answer.status === 'rejected' ? refusalLines(answer.reason, NAMES[index]!, named, (unit) => unitName(agencies, unit)) : []));
    if (refused.length > 0) return setErrors([...new Set(refused)]);
    const [a, b] = answers.map((answer) => (answer as PromiseFulfilledResult<{ result: Record<string, unknown>; measurement: Record<string, unknown> }>).value);
    setResults({
      A: { result: a!.result as unknown as SimulationResult, measurement: a!.measurement as unknown as HistoryMeasurement },
      B: { result: b!.result as unknown as SimulationResult, measurement: b!.measurement as unknown as HistoryMeasurement },
      version: startedAt,
    });
    setInputsOpen(false);
  };

  const setField = (name: Name, change: (form: ScenarioForm) => ScenarioForm) => setForms((current) => ({ ...current, [name]: change(current[name]) }));
  const units = unitsOf(steps);
  const branching = steps.filter((step) => step.branches.length > 0);
  const measurement = results?.A.measurement;

  return (
    <section class="sim-panel" aria-label={t('sim.title')}>
      <header class="sim-header">
        <h2>{t('sim.title')}</h2>
        <button type="button" class="lt-button" onClick={onClose}>{t('sim.close')}</button>
      </header>
      <details class="sim-form" open={inputsOpen} onToggle={(event) => setInputsOpen(event.currentTarget.open)}>
      <summary>{t('sim.inputs')}</summary>
      <p class="sim-intro">{t('sim.intro')}</p>
      <div class="sim-common">
        <label>{t('sim.from')}<input type="date" name="sim-from" value={common.from} onInput={(event) => setCommon({ ...common, from: event.currentTarget.value })} /></label>
        <label>{t('sim.to')}<input type="date" name="sim-to" value={common.to} onInput={(event) => setCommon({ ...common, to: event.currentTarget.value })} /></label>
        <label>{t('sim.arrivals')}<input name="sim-arrivals" inputMode="decimal" placeholder={t('sim.arrivalsHint')} value={common.arrivals} onInput={(event) => setCommon({ ...common, arrivals: event.currentTarget.value })} /></label>
        <label>{t('sim.seed')}<input name="sim-seed" inputMode="numeric" value={common.seed} onInput={(event) => setCommon({ ...common, seed: event.currentTarget.value })} /></label>
      </div>
      <div class="sim-inputs">
        <table class="sim-table">
          <caption>{t('sim.steps')}</caption>
          <thead><tr><th>{t('sim.stepColumn')}</th><th>{t('sim.unitColumn')}</th><th>{t('sim.budgetColumn')}</th><th>{t('sim.sourceColumn')}</th><th>A</th><th>B</th></tr></thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.id} data-step={step.id}>
                <th scope="row">{step.name}</th>
                <td>{unitName(agencies, step.unitKey)}</td>
                <td>{budgetLabel(step)}</td>
                <td class="sim-source">{sourceText(measurement, step.id)}</td>
                {NAMES.map((name) => (
                  <td key={name}>
                    <input class="sim-number" data-scenario={name} data-step={step.id} inputMode="decimal" placeholder={t('sim.placeholder.measuredOrBudget')}
                      aria-label={`${t('sim.scenario', { name })}: ${step.name}`} value={forms[name].stepDays[step.id] ?? ''}
                      onInput={(event) => { const value = event.currentTarget.value; setField(name, (form) => ({ ...form, stepDays: { ...form.stepDays, [step.id]: value } })); }} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <table class="sim-table" data-table="step-budgets">
          <caption>{t('sim.stepBudgets')} <small>({t('sim.stepBudgetsHint')})</small></caption>
          <thead><tr><th>{t('sim.stepColumn')}</th><th>{t('sim.budgetColumn')}</th><th>A</th><th>B</th></tr></thead>
          <tbody>
            {steps.filter((step) => step.kind !== 'receiveTask').map((step) => (
              <tr key={step.id} data-budget-step={step.id}>
                <th scope="row">{step.name}</th>
                <td>{budgetLabel(step)}</td>
                {NAMES.map((name) => (
                  <td key={name}>
                    <input class="sim-number" data-scenario={name} data-budget-step={step.id} inputMode="decimal" placeholder={budgetPlaceholder(step)}
                      aria-label={`${t('sim.scenario', { name })}: ${t('sim.stepBudgetLabel')} ${step.name}`} value={forms[name].stepBudgets[step.id] ?? ''}
                      onInput={(event) => { const value = event.currentTarget.value; setField(name, (form) => ({ ...form, stepBudgets: { ...form.stepBudgets, [step.id]: value } })); }} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <table class="sim-table">
          <caption>{t('sim.units')} <small>({t('sim.unitsHint')})</small></caption>
          <thead><tr><th>{t('sim.unitColumn')}</th><th>A</th><th>B</th></tr></thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit} data-unit={unit}>
                <th scope="row">{unitName(agencies, unit)}</th>
                {NAMES.map((name) => (
                  <td key={name}>
                    <input class="sim-number" data-scenario={name} data-unit={unit} inputMode="numeric" placeholder="∞"
                      aria-label={`${t('sim.scenario', { name })}: ${t('sim.officials')} ${unitName(agencies, unit)}`} value={forms[name].officials[unit] ?? ''}
                      onInput={(event) => { const value = event.currentTarget.value; setField(name, (form) => ({ ...form, officials: { ...form.officials, [unit]: value } })); }} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <table class="sim-table">
          <caption>{t('sim.branches')} <small>({t('sim.branchesHint')})</small></caption>
          <tbody>
            {branching.length === 0 && <tr><td>{t('sim.noBranches')}</td></tr>}
            {branching.flatMap((step) => step.branches.map((branch) => (
              <tr key={`${step.id}-${branch.decision}`}>
                <th scope="row">{t('sim.branch', { step: step.name, branch: branchLabel(branch) })}</th>
                {NAMES.map((name) => (
                  <td key={name}>
                    <input class="sim-number" data-scenario={name} data-step={step.id} data-decision={branch.decision} inputMode="decimal" placeholder="%"
                      aria-label={`${t('sim.scenario', { name })}: ${t('sim.branch', { step: step.name, branch: branchLabel(branch) })}`} value={forms[name].shares[step.id]?.[branch.decision] ?? ''}
                      onInput={(event) => { const value = event.currentTarget.value; setField(name, (form) => ({ ...form, shares: { ...form.shares, [step.id]: { ...form.shares[step.id], [branch.decision]: value } } })); }} />
                  </td>
                ))}
              </tr>
            )))}
          </tbody>
        </table>
      </div>
      </details>
      <div class="sim-actions">
        <button type="button" class="lt-button" onClick={() => setForms((current) => ({ ...current, B: structuredClone(current.A) }))}>{t('sim.copyAToB')}</button>
        <button type="button" class="lt-button lt-primary" disabled={running} onClick={() => void run()}>{t('sim.run')}</button>
        {running && <span role="status">{t('sim.running')}</span>}
      </div>
      {errors.length > 0 && <ul class="sim-errors" role="alert">{errors.map((line) => <li key={line}>{line}</li>)}</ul>}
      {results && (
        <div class="sim-results">
          <h3>{t('sim.results')}</h3>
          {results.version !== version && <p class="sim-stale">{t('sim.stale')}</p>}
          <div class="sim-cards">
            {NAMES.map((name) => <ScenarioCard key={name} name={name} result={results[name].result} agencies={agencies} />)}
          </div>
          {results.A.result.statutory && (
            <p class="sim-difference" data-delta={String(results.B.result.onTime.share - results.A.result.onTime.share)}>
              {t('sim.difference', { delta: `${results.B.result.onTime.share >= results.A.result.onTime.share ? '+' : ''}${formatNumber((results.B.result.onTime.share - results.A.result.onTime.share) * 100)}` })}
            </p>
          )}
          <figure class="sim-chart">
            <figcaption>{t('sim.chartTitle')}</figcaption>
            <div class="sim-chart-box"><canvas ref={chartCanvas} aria-label={t('sim.chartTitle')} /></div>
          </figure>
          <fieldset class="sim-colour-by">
            <legend>{t('sim.colourBy')}</legend>
            {NAMES.map((name) => (
              <label key={name}><input type="radio" name="sim-colour-by" value={name} checked={colourBy === name} onChange={() => setColourBy(name)} />{t('sim.scenario', { name })}</label>
            ))}
          </fieldset>
          <StepTable a={results.A.result} b={results.B.result} nameOf={nameOf} />
          <UnitTable a={results.A.result} b={results.B.result} agencies={agencies} />
        </div>
      )}
    </section>
  );
}

function ScenarioCard({ name, result, agencies }: { name: Name; result: SimulationResult; agencies: readonly Agency[] }) {
  const responsible = result.lateness.mostResponsibleAgencyId;
  return (
    <article class="sim-card" data-scenario={name}>
      <h4>{t('sim.scenario', { name })}</h4>
      {result.statutory ? (
        <>
          <p class="sim-on-time" data-share={String(result.onTime.share)}><span>{t('sim.onTime')}</span><strong>{formatPercent(result.onTime.share)}</strong></p>
          <p class="sim-note">{t('sim.onTimeOf', { count: result.onTime.count, of: result.onTime.of })}; {t('sim.ci', { low: formatPercent(result.onTime.ci95.low), high: formatPercent(result.onTime.ci95.high) })}</p>
        </>
      ) : <p class="sim-note">{t('sim.noStatutory')}</p>}
      {!result.complete && <p class="sim-note">{t('sim.incomplete', { finished: result.dossiers.finished })}</p>}
      <dl>
        <dt>{t('sim.dossiers')}</dt><dd>{t('sim.dossiersValue', { received: result.dossiers.received, finished: result.dossiers.finished })}</dd>
        <dt>{t('sim.days')}</dt><dd>{t('sim.daysValue', { p50: formatNumber(result.workingDays.p50), p90: formatNumber(result.workingDays.p90) })}</dd>
        {result.statutory && <><dt>{t('reading.statutory')}</dt><dd>{t(`ui.budget.${result.statutory.unit}`, { n: formatNumber(result.statutory.value) })}</dd></>}
        <dt>{t('sim.mostResponsible')}</dt>
        <dd class="sim-responsible" data-agency={responsible ?? ''}>
          {responsible ? t('sim.mostResponsibleValue', { agency: unitName(agencies, responsible), count: result.lateness.byAgency[responsible] ?? 0, late: result.lateness.late }) : t('sim.nobodyLate')}
        </dd>
      </dl>
    </article>
  );
}

function StepTable({ a, b, nameOf }: { a: SimulationResult; b: SimulationResult; nameOf(id: string): string }) {
  const ids = [...new Set([...a.steps, ...b.steps].map((step) => step.elementId))];
  const figures = (result: SimulationResult, id: string) => {
    const rows = result.steps.filter((step) => step.elementId === id);
    const count = rows.reduce((sum, step) => sum + step.count, 0);
    if (count === 0) return undefined;
    return {
      waiting: rows.reduce((sum, step) => sum + step.meanWaitingHours * step.count, 0) / count,
      working: rows.reduce((sum, step) => sum + step.meanWorkingHours * step.count, 0) / count,
      late: Math.min(1, rows.reduce((sum, step) => sum + step.lateShare, 0)),
    };
  };
  const cells = (result: SimulationResult, id: string) => {
    const found = figures(result, id);
    return [formatNumber(found?.waiting), formatNumber(found?.working), formatPercent(found?.late)].map((text, index) => <td key={index}>{text}</td>);
  };
  return (
    <table class="sim-table sim-step-figures">
      <caption>{t('sim.stepTable')}</caption>
      <thead>
        <tr><th rowSpan={2}>{t('sim.stepColumn')}</th><th colSpan={3}>A</th><th colSpan={3}>B</th></tr>
        <tr>{NAMES.flatMap((name) => [<th key={`${name}w`}>{t('sim.waiting')}</th>, <th key={`${name}k`}>{t('sim.working')}</th>, <th key={`${name}l`}>{t('sim.lateShare')}</th>])}</tr>
      </thead>
      <tbody>{ids.map((id) => <tr key={id} data-step={id}><th scope="row">{nameOf(id)}</th>{cells(a, id)}{cells(b, id)}</tr>)}</tbody>
    </table>
  );
}

function UnitTable({ a, b, agencies }: { a: SimulationResult; b: SimulationResult; agencies: readonly Agency[] }) {
  const keys = [...new Set([...a.units, ...b.units].map((unit) => unit.key))];
  const cells = (result: SimulationResult, key: string) => {
    const unit = result.units.find((candidate) => candidate.key === key);
    return [
      <td key="o">{unit?.officials === undefined ? t('sim.unlimited') : String(unit.officials)}</td>,
      <td key="u" data-utilisation={unit?.utilisation === undefined ? '' : String(unit.utilisation)}>{unit?.utilisation === undefined ? '—' : formatPercent(unit.utilisation)}</td>,
    ];
  };
  return (
    <table class="sim-table sim-unit-figures">
      <caption>{t('sim.unitTable')}</caption>
      <thead>
        <tr><th rowSpan={2}>{t('sim.unitColumn')}</th><th colSpan={2}>A</th><th colSpan={2}>B</th></tr>
        <tr>{NAMES.flatMap((name) => [<th key={`${name}o`}>{t('sim.officials')}</th>, <th key={`${name}u`}>{t('sim.utilisation')}</th>])}</tr>
      </thead>
      <tbody>{keys.map((key) => <tr key={key} data-unit={key}><th scope="row">{unitName(agencies, key)}</th>{cells(a, key)}{cells(b, key)}</tr>)}</tbody>
    </table>
  );
}

export interface SimulationPanelHandle {
  open(): void;
  close(): void;
  /** The draft changed: the panel re-reads its steps and marks earlier results as stale. */
  modelChanged(): void;
}

/** The panel in `host` (hidden until opened). */
export function mountSimulationPanel(host: HTMLElement, deps: SimulationPanelDeps): SimulationPanelHandle {
  let version = 0;
  let shown = false;
  const draw = () => {
    host.hidden = !shown;
    render(shown ? <SimulationPanel deps={deps} version={version} onClose={handle.close} /> : null, host);
  };
  /** The diagram's area grew or shrank with the panel: bpmn-js is told, and the whole route is shown again. */
  const refit = () => {
    const canvas = deps.modeler.get<Parameters<typeof fitDiagram>[0] & { resized(): void }>('canvas');
    canvas.resized();
    fitDiagram(canvas);
  };
  const handle: SimulationPanelHandle = {
    open() {
      shown = true;
      draw();
      refit();
    },
    close() {
      if (!shown) return;
      shown = false;
      draw();
      refit();
    },
    modelChanged() {
      version += 1;
      if (shown) draw();
    },
  };
  host.hidden = true;
  return handle;
}
