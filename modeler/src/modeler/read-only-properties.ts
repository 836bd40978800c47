/**
 * @module readOnlyProperties — the properties of an element of a deployed version, read-only: what the properties
 * panel shows while drawing (name, agency and department, step budget, nearly-due warning, escalation ladder,
 * procedure metadata), as labelled lines in the interface's language. `describeElement` is pure; the panel renders it.
 */
import { currentLocale, t, type MessageKey } from '../i18n/locale';
import { bpmnJsVi } from '../i18n/bpmn-js-vi';
import type { Agency } from '../api/api-client';
import { extensionAttribute, findExtension, procedureOwner, type ModdleObject } from './properties/extension-elements';
import { laneOf, type LintNode } from './lint/lint-node';

export interface PropertyLine {
  label: string;
  value: string;
}

const UNITS: Record<string, MessageKey> = { workingDays: 'unit.workingDays', workingHours: 'unit.workingHours', calendarDays: 'unit.calendarDays', sameDay: 'unit.sameDay' };
const POLICIES: Record<string, MessageKey> = { pause: 'policy.pause', restart: 'policy.restart', boundedWait: 'policy.boundedWait' };
const TARGETS: Record<string, MessageKey> = { official: 'target.official', headOfUnit: 'target.headOfUnit', supervisor: 'target.supervisor' };
const OWN_TYPES: Record<string, MessageKey> = { Lane: 'reading.lane', Participant: 'reading.participant', Process: 'reading.process' };

/** "bpmn:UserTask" → "Bước xử lý (người thực hiện)", as the palette names it. */
function typeLabel(type: string): string {
  const local = type.replace(/^bpmn:/, '');
  if (OWN_TYPES[local]) return t(OWN_TYPES[local]);
  const words = local.replace(/([a-z])([A-Z])/g, '$1 $2');
  const sentence = words.charAt(0) + words.slice(1).toLowerCase();
  return currentLocale() === 'vi' ? (bpmnJsVi[sentence] ?? bpmnJsVi[words] ?? '') : sentence;
}

const amount = (value: string, unit: string) => (value === '' ? '' : `${value} ${UNITS[unit] ? t(UNITS[unit]) : unit}`.trim());

function agencyLines(owner: ModdleObject, agencies: Agency[]): PropertyLine[] {
  let agencyId = extensionAttribute(owner, 'lt:Assignment', 'agency');
  const departmentId = extensionAttribute(owner, 'lt:Assignment', 'department');
  let inherited = false;
  if (!agencyId && owner.$type !== 'bpmn:Lane') {
    const lane = laneOf(owner as unknown as LintNode) as unknown as ModdleObject | undefined;
    agencyId = extensionAttribute(lane, 'lt:Assignment', 'agency');
    inherited = agencyId !== '';
  }
  const agency = agencies.find((candidate) => candidate.id === agencyId);
  const agencyName = agency?.name ?? agencyId;
  const lines: PropertyLine[] = [];
  if (agencyName) lines.push({ label: t('props.agency'), value: inherited ? t('props.inheritedAgency', { name: agencyName }) : agencyName });
  if (departmentId) lines.push({ label: t('props.department'), value: agency?.departments.find((department) => department.id === departmentId)?.name ?? departmentId });
  return lines;
}

function procedureLines(owner: ModdleObject, agencies: Agency[]): PropertyLine[] {
  const read = (name: string) => extensionAttribute(owner, 'lt:Procedure', name);
  const lead = read('leadAgency');
  const lines: [MessageKey, string][] = [
    ['props.procedureName', read('name')],
    ['props.procedureCode', read('procedureCode')],
    ['reading.statutory', amount(read('statutoryValue'), read('statutoryUnit'))],
    ['props.legalBasis', read('legalBasis')],
    ['props.leadAgency', lead ? (agencies.find((agency) => agency.id === lead)?.name ?? lead) : ''],
    ['props.supplementPolicy', POLICIES[read('supplementPolicy')] ? t(POLICIES[read('supplementPolicy')]!) : ''],
    ['props.supplementWaitValue', amount(read('supplementWaitValue'), read('supplementWaitUnit'))],
    ['props.maxReappointments', read('maxReappointments')],
    ['props.resultTitle', read('resultTitle')],
    ['props.resultSigner', read('resultSigner')],
  ];
  return lines.filter(([, value]) => value !== '').map(([label, value]) => ({ label: t(label), value }));
}

function stepLines(owner: ModdleObject): PropertyLine[] {
  const lines: PropertyLine[] = [];
  const budget = amount(extensionAttribute(owner, 'lt:Budget', 'value'), extensionAttribute(owner, 'lt:Budget', 'unit'));
  lines.push({ label: t('reading.budget'), value: budget || t('reading.none') });
  const extendsTo = extensionAttribute(owner, 'lt:Budget', 'extendsStatutoryTo');
  if (extendsTo) lines.push({ label: t('reading.extendsStatutoryTo'), value: amount(extendsTo, 'workingDays') });
  const share = amount(extensionAttribute(owner, 'lt:AgencyShare', 'value'), extensionAttribute(owner, 'lt:AgencyShare', 'unit'));
  if (share) lines.push({ label: t('reading.agencyShare'), value: share });
  const percent = extensionAttribute(owner, 'lt:NearlyDue', 'percent');
  const hours = extensionAttribute(owner, 'lt:NearlyDue', 'hoursBefore');
  const nearlyDue = [percent && t('reading.nearlyDuePercent', { percent }), hours && t('reading.nearlyDueHours', { hours })].filter(Boolean).join('; ');
  if (nearlyDue) lines.push({ label: t('reading.nearlyDue'), value: nearlyDue });
  const rungs = (findExtension(owner, 'lt:Escalation')?.get('rungs') as ModdleObject[] | undefined) ?? [];
  rungs.forEach((rung, index) => {
    const target = String(rung.get('target') ?? '');
    const text = t('reading.rungText', { hours: String(rung.get('afterWorkingHours') ?? ''), target: TARGETS[target] ? t(TARGETS[target]) : target });
    lines.push({ label: t('reading.rung', { n: index + 1 }), value: rung.get('reassign') === 'true' || rung.get('reassign') === true ? text + t('reading.rungReassign') : text });
  });
  return lines;
}

function definitionsOf(element: ModdleObject): ModdleObject | undefined {
  let node: ModdleObject | undefined = element;
  while (node && node.$type !== 'bpmn:Definitions') node = node.$parent;
  return node;
}

/** The labelled lines of one element (its business object), agencies and departments by name. */
export function describeElement(element: ModdleObject, agencies: Agency[]): PropertyLine[] {
  const lines: PropertyLine[] = [];
  const type = typeLabel(element.$type);
  if (type) lines.push({ label: t('reading.type'), value: type });
  const name = element.get('name');
  if (typeof name === 'string' && name !== '') lines.push({ label: t('reading.name'), value: name });
  if (element.id) lines.push({ label: t('reading.id'), value: element.id });
  const owner = element.$type === 'bpmn:Collaboration' ? element : procedureOwner({ id: element.id ?? '', type: element.$type, businessObject: element });
  // The metadata sits on the process, or (as in the procedure library) on the definitions around it.
  if (owner) lines.push(...procedureLines(findExtension(owner, 'lt:Procedure') ? owner : (definitionsOf(owner) ?? owner), agencies));
  const isActivity = ['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask', 'bpmn:ServiceTask', 'bpmn:CallActivity', 'bpmn:SubProcess'].includes(element.$type);
  if (isActivity || element.$type === 'bpmn:Lane') lines.push(...agencyLines(element, agencies));
  if (element.$type === 'bpmn:CallActivity') {
    const called = element.get('calledElement');
    if (typeof called === 'string' && called) lines.push({ label: t('reading.calledElement'), value: called });
  }
  if (isActivity) lines.push(...stepLines(element));
  const condition = element.get('conditionExpression') as ModdleObject | undefined;
  const body = condition?.get('body');
  if (typeof body === 'string' && body) lines.push({ label: t('reading.condition'), value: body });
  return lines;
}

export interface ReadOnlyProperties {
  show(element: ModdleObject | undefined): void;
}

/** Renders `describeElement` into `host`; a hint when nothing is picked. */
export function createReadOnlyProperties(host: HTMLElement, agencies: () => Agency[]): ReadOnlyProperties {
  return {
    show(element) {
      const heading = document.createElement('h3');
      heading.textContent = t('reading.title');
      if (!element) {
        const hint = document.createElement('p');
        hint.className = 'reading-hint';
        hint.textContent = t('reading.pick');
        host.replaceChildren(heading, hint);
        return;
      }
      const list = document.createElement('dl');
      list.className = 'reading-lines';
      list.dataset.elementId = element.id ?? '';
      for (const line of describeElement(element, agencies())) {
        const term = document.createElement('dt');
        term.textContent = line.label;
        const value = document.createElement('dd');
        value.textContent = line.value;
        list.append(term, value);
      }
      host.replaceChildren(heading, list);
    },
  };
}
