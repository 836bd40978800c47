/**
 * @module lienthongPropertiesProvider — adds our descriptor's groups to the bpmn-js properties panel: procedure
 * metadata on the process, agency/department on lanes and activities, step budget, nearly-due threshold and
 * escalation ladder on activities.
 */
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { t } from '../../i18n/locale';
import type { Agency } from '../../api/api-client';
import { createExtensionEntry, type ExtensionEntrySpec, type SelectOption } from './extension-entry';
import { extensionAttribute, procedureOwner, type DiagramElement, type ModdleObject } from './extension-elements';
import { laneOf, type LintNode } from '../lint/lint-node';
import { createEscalationEntries } from './escalation-entries';
import { createFormSchemaEntry } from './form-schema-entry';

/** The agencies the server knows, loaded before the modeler starts; a bpmn-js service named `agencyDirectory`. */
export interface AgencyDirectory {
  agencies: Agency[];
}

const own = (element: DiagramElement) => element.businessObject;

export const budgetUnitOptions = (): SelectOption[] => [
  { value: 'workingDays', label: t('unit.workingDays') },
  { value: 'workingHours', label: t('unit.workingHours') },
  { value: 'calendarDays', label: t('unit.calendarDays') },
  { value: 'sameDay', label: t('unit.sameDay') },
];

const agencyOptions = (_element: DiagramElement, getService: <T>(name: string) => T): SelectOption[] =>
  getService<AgencyDirectory>('agencyDirectory').agencies.map((agency) => ({ value: agency.id, label: agency.name }));

/** The agency of the lane that holds `element`, or ''. */
function laneAgencyId(element: DiagramElement): string {
  const lane = laneOf(element.businessObject as unknown as LintNode);
  return lane ? extensionAttribute(lane as unknown as ModdleObject, 'lt:Assignment', 'agency') : '';
}

/** The element's own agency, else its lane's: whose departments a step can be given to. */
function effectiveAgencyId(element: DiagramElement): string {
  return extensionAttribute(element.businessObject, 'lt:Assignment', 'agency') || (element.type === 'bpmn:Lane' ? '' : laneAgencyId(element));
}

const isNumber = (value: string) => (value === '' || /^\d+(\.\d+)?$/.test(value.trim()) ? undefined : t('props.notANumber'));

const procedure = (attribute: string, label: Parameters<typeof t>[0], extra: Partial<ExtensionEntrySpec> = {}): ExtensionEntrySpec => ({
  id: `lt-procedure-${attribute}`,
  owner: procedureOwner,
  type: 'lt:Procedure',
  attribute,
  label: () => t(label),
  kind: 'text',
  ...extra,
});

const procedureSpecs: ExtensionEntrySpec[] = [
  procedure('procedureCode', 'props.procedureCode'),
  procedure('statutoryValue', 'props.statutoryValue', { validate: isNumber }),
  procedure('statutoryUnit', 'props.statutoryUnit', { kind: 'select', options: budgetUnitOptions }),
  procedure('legalBasis', 'props.legalBasis', { kind: 'textArea' }),
  procedure('leadAgency', 'props.leadAgency', { kind: 'select', options: agencyOptions }),
  procedure('supplementPolicy', 'props.supplementPolicy', {
    kind: 'select',
    options: () => [
      { value: 'pause', label: t('policy.pause') },
      { value: 'restart', label: t('policy.restart') },
      { value: 'boundedWait', label: t('policy.boundedWait') },
    ],
  }),
  procedure('supplementWaitValue', 'props.supplementWaitValue', { validate: isNumber }),
  procedure('supplementWaitUnit', 'props.supplementWaitUnit', { kind: 'select', options: budgetUnitOptions }),
  procedure('maxReappointments', 'props.maxReappointments', { validate: isNumber }),
  // The result document (kết quả giải quyết) the last unit signs; left empty, the server prints its default notice.
  procedure('resultTitle', 'props.resultTitle'),
  procedure('resultTemplate', 'props.resultTemplate', { kind: 'textArea' }),
  procedure('resultSigner', 'props.resultSigner'),
];

const assignmentSpecs: ExtensionEntrySpec[] = [
  {
    id: 'lt-agency',
    owner: own,
    type: 'lt:Assignment',
    attribute: 'agency',
    label: () => t('props.agency'),
    kind: 'select',
    options: agencyOptions,
    emptyLabel: (element, getService) => {
      // A step without its own agency is done by its lane's agency (as the engine reads it): say which.
      const agencyId = element.type === 'bpmn:Lane' ? '' : laneAgencyId(element);
      const agency = getService<AgencyDirectory>('agencyDirectory').agencies.find((candidate) => candidate.id === agencyId);
      return agency ? t('props.inheritedAgency', { name: agency.name }) : '—';
    },
  },
  {
    id: 'lt-department',
    owner: own,
    type: 'lt:Assignment',
    attribute: 'department',
    label: () => t('props.department'),
    kind: 'select',
    options: (element, getService) => {
      const agencyId = effectiveAgencyId(element);
      const agency = getService<AgencyDirectory>('agencyDirectory').agencies.find((candidate) => candidate.id === agencyId);
      return (agency?.departments ?? []).map((department) => ({ value: department.id, label: department.name }));
    },
  },
];

const budgetSpecs: ExtensionEntrySpec[] = [
  { id: 'lt-budget-value', owner: own, type: 'lt:Budget', attribute: 'value', label: () => t('props.budgetValue'), kind: 'text', validate: isNumber },
  { id: 'lt-budget-unit', owner: own, type: 'lt:Budget', attribute: 'unit', label: () => t('props.budgetUnit'), kind: 'select', options: budgetUnitOptions },
];

const nearlyDueSpecs: ExtensionEntrySpec[] = [
  { id: 'lt-nearly-due-percent', owner: own, type: 'lt:NearlyDue', attribute: 'percent', label: () => t('props.nearlyDuePercent'), kind: 'text', validate: isNumber },
  { id: 'lt-nearly-due-hours', owner: own, type: 'lt:NearlyDue', attribute: 'hoursBefore', label: () => t('props.nearlyDueHours'), kind: 'text', validate: isNumber },
];

interface Group {
  id: string;
  label: string;
  entries: unknown[];
}

export class LienthongPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: DiagramElement): (groups: Group[]) => Group[] {
    return (groups) => {
      const ours: Group[] = [];
      const group = (id: string, label: string, specs: ExtensionEntrySpec[], extra: unknown[] = []) =>
        ours.push({ id, label, entries: [...specs.map((spec) => createExtensionEntry(spec, element)), ...extra] });
      if (procedureOwner(element)) {
        group('lt-procedure', t('props.group.procedure'), procedureSpecs, [createFormSchemaEntry(element)]);
      }
      if (is(element, 'bpmn:Lane') || is(element, 'bpmn:Activity')) group('lt-assignment', t('props.group.assignment'), assignmentSpecs);
      if (is(element, 'bpmn:Activity')) {
        group('lt-budget', t('props.group.budget'), budgetSpecs);
        group('lt-nearly-due', t('props.group.nearlyDue'), nearlyDueSpecs);
        ours.push({ id: 'lt-escalation', label: t('props.group.escalation'), entries: createEscalationEntries(element) });
      }
      // Our groups come right after "General", where analysts look first.
      const generalAt = groups.findIndex((candidate) => candidate.id === 'general');
      // One name for the procedure: the pool's (kept equal to its process's and the metadata's, procedure-name.ts).
      const general = groups[generalAt];
      if (general) general.entries = general.entries.filter((entry) => (entry as { id?: string }).id !== 'processName');
      groups.splice(generalAt + 1, 0, ...ours);
      return groups;
    };
  }
}

export const lienthongPropertiesModule = {
  __init__: ['lienthongPropertiesProvider'],
  lienthongPropertiesProvider: ['type', LienthongPropertiesProvider],
};
