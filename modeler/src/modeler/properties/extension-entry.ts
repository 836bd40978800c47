/**
 * @module extensionEntry — properties-panel entries bound to one attribute of one `lt:` extension element: a text
 * field, a text area or a select. Specs are created once per entry, so preact keeps the component identity.
 */
import { createElement as h } from '@bpmn-io/properties-panel/preact';
import {
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import {
  extensionAttribute,
  setExtensionAttributes,
  type DiagramElement,
  type ExtensionServices,
  type ModdleObject,
} from './extension-elements';

export interface SelectOption {
  value: string;
  label: string;
}

export interface ExtensionEntrySpec {
  id: string;
  /** Where the extension lives: the element's own business object, or its process for procedure metadata. */
  owner: (element: DiagramElement) => ModdleObject | undefined;
  type: string;
  attribute: string;
  label: () => string;
  description?: () => string;
  kind: 'text' | 'textArea' | 'select';
  /** Select options, computed from services (e.g. the agencies the server knows) and the element. */
  options?: (element: DiagramElement, getService: <T>(name: string) => T) => SelectOption[];
  /** What the empty choice means here, e.g. that the step takes its lane's agency. */
  emptyLabel?: (element: DiagramElement, getService: <T>(name: string) => T) => string;
  validate?: (value: string) => string | undefined;
}

/** A properties-panel entry descriptor `{ id, element, component, isEdited }` for `spec`. */
export function createExtensionEntry(spec: ExtensionEntrySpec, element: DiagramElement) {
  const isEdited = spec.kind === 'select' ? isSelectEntryEdited : spec.kind === 'textArea' ? isTextAreaEntryEdited : isTextFieldEntryEdited;
  return { id: spec.id, element, component: componentFor(spec), isEdited };
}

const components = new Map<string, (props: { element: DiagramElement; id: string }) => unknown>();

function componentFor(spec: ExtensionEntrySpec) {
  const known = components.get(spec.id);
  if (known) return known;
  const component = ({ element, id }: { element: DiagramElement; id: string }) => {
    const services: ExtensionServices = {
      modeling: useService('modeling'),
      bpmnFactory: useService('bpmnFactory'),
    };
    const debounce = useService('debounceInput');
    const injector = useService<{ get(name: string): unknown }>('injector');
    const getValue = () => extensionAttribute(spec.owner(element), spec.type, spec.attribute);
    const setValue = (value: string | undefined) => {
      const owner = spec.owner(element);
      if (!owner) return;
      setExtensionAttributes(services, element, owner, spec.type, { [spec.attribute]: value ? value : undefined });
    };
    const common = {
      element,
      id,
      label: spec.label(),
      description: spec.description?.(),
      getValue,
      setValue,
      validate: spec.validate,
    };
    if (spec.kind === 'select') {
      const getService = <T,>(name: string) => injector.get(name) as T;
      const empty = { value: '', label: spec.emptyLabel?.(element, getService) ?? '—' };
      return h(SelectEntry, { ...common, getOptions: () => [empty, ...(spec.options?.(element, getService) ?? [])] });
    }
    if (spec.kind === 'textArea') return h(TextAreaEntry, { ...common, debounce, rows: 3 });
    return h(TextFieldEntry, { ...common, debounce });
  };
  components.set(spec.id, component);
  return component;
}
