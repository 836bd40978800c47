/**
 * @module escalationEntries — the escalation ladder (`lt:escalation` with `lt:rung`s) as three rung slots: after how
 * many working hours overdue, who is told (official, head of unit, supervisor), and whether the step is reassigned.
 * Each edit rebuilds the ladder in one command, dropping empty rungs.
 */
import { createElement as h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { t } from '../../i18n/locale';
import { findExtension, replaceExtension, type DiagramElement, type ExtensionServices, type ModdleObject } from './extension-elements';

const SLOTS = [0, 1, 2];
type RungField = 'afterWorkingHours' | 'target' | 'reassign';
interface RungValues {
  afterWorkingHours: string;
  target: string;
  reassign: string;
}

function readRungs(element: DiagramElement): RungValues[] {
  const rungs = (findExtension(element.businessObject, 'lt:Escalation')?.get('rungs') as ModdleObject[] | undefined) ?? [];
  return SLOTS.map((slot) => {
    const rung = rungs[slot];
    const read = (name: RungField) => (rung?.get(name) as string | undefined) ?? '';
    return { afterWorkingHours: read('afterWorkingHours'), target: read('target'), reassign: read('reassign') };
  });
}

function writeRungs(services: ExtensionServices, element: DiagramElement, rungs: RungValues[]): void {
  const kept = rungs.filter((rung) => rung.afterWorkingHours !== '' || rung.target !== '');
  if (kept.length === 0) {
    replaceExtension(services, element, element.businessObject, undefined, 'lt:Escalation');
    return;
  }
  const escalation = services.bpmnFactory.create('lt:Escalation');
  const children = kept.map((rung) => {
    const attributes = Object.fromEntries(Object.entries(rung).filter(([, value]) => value !== ''));
    const child = services.bpmnFactory.create('lt:Rung', attributes);
    child.$parent = escalation;
    return child;
  });
  escalation.set('rungs', children);
  replaceExtension(services, element, element.businessObject, escalation, 'lt:Escalation');
}

const components = new Map<string, (props: { element: DiagramElement; id: string }) => unknown>();

function rungComponent(slot: number, field: RungField) {
  const key = `${slot}-${field}`;
  const known = components.get(key);
  if (known) return known;
  const component = ({ element, id }: { element: DiagramElement; id: string }) => {
    const services: ExtensionServices = { modeling: useService('modeling'), bpmnFactory: useService('bpmnFactory') };
    const debounce = useService('debounceInput');
    const getValue = () => readRungs(element)[slot]![field];
    const setValue = (value: string | boolean) => {
      const rungs = readRungs(element);
      rungs[slot] = { ...rungs[slot]!, [field]: typeof value === 'boolean' ? (value ? 'true' : '') : value };
      writeRungs(services, element, rungs);
    };
    const label = t(`props.rung.${field}`, { n: slot + 1 });
    if (field === 'target') {
      return h(SelectEntry, {
        element,
        id,
        label,
        getValue,
        setValue,
        getOptions: () => [
          { value: '', label: '—' },
          { value: 'official', label: t('target.official') },
          { value: 'headOfUnit', label: t('target.headOfUnit') },
          { value: 'supervisor', label: t('target.supervisor') },
        ],
      });
    }
    if (field === 'reassign') {
      return h(CheckboxEntry, { element, id, label, getValue: () => getValue() === 'true', setValue });
    }
    return h(TextFieldEntry, { element, id, label, debounce, getValue, setValue });
  };
  components.set(key, component);
  return component;
}

export function createEscalationEntries(element: DiagramElement) {
  return SLOTS.flatMap((slot) => [
    { id: `lt-rung-${slot}-after`, element, component: rungComponent(slot, 'afterWorkingHours'), isEdited: isTextFieldEntryEdited },
    { id: `lt-rung-${slot}-target`, element, component: rungComponent(slot, 'target'), isEdited: isSelectEntryEdited },
    { id: `lt-rung-${slot}-reassign`, element, component: rungComponent(slot, 'reassign'), isEdited: isCheckboxEntryEdited },
  ]);
}
