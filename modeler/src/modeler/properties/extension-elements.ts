/**
 * @module extensionElements — read and write our `lt:` extension elements through bpmn-js commands, so every edit is
 * one undoable step and the diagram, the XML and the lint checks all see it.
 */

/** The part of a moddle element we touch. */
export interface ModdleObject {
  $type: string;
  $parent?: ModdleObject;
  id?: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  [key: string]: unknown;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleObject;
}

export interface ExtensionServices {
  bpmnFactory: { create(type: string, attrs?: Record<string, unknown>): ModdleObject };
  modeling: {
    updateModdleProperties(element: DiagramElement, target: ModdleObject, properties: Record<string, unknown>): void;
    updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  };
}

/** The first `type` child of `owner`'s extensionElements. */
export function findExtension(owner: ModdleObject | undefined, type: string): ModdleObject | undefined {
  const extensionElements = owner?.get('extensionElements') as ModdleObject | undefined;
  const values = (extensionElements?.get('values') as ModdleObject[] | undefined) ?? [];
  return values.find((value) => value.$type === type);
}

/** A string attribute of the `type` extension of `owner`, or ''. */
export function extensionAttribute(owner: ModdleObject | undefined, type: string, name: string): string {
  const value = findExtension(owner, type)?.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Set attributes on `owner`'s `type` extension, creating extensionElements and the extension when missing, in one
 * command. `element` is the diagram element the command is recorded on (the owner may be its process).
 */
export function setExtensionAttributes(
  services: ExtensionServices,
  element: DiagramElement,
  owner: ModdleObject,
  type: string,
  attributes: Record<string, string | undefined>,
): void {
  const { bpmnFactory, modeling } = services;
  const existing = findExtension(owner, type);
  if (existing) {
    modeling.updateModdleProperties(element, existing, attributes);
    return;
  }
  const extension = bpmnFactory.create(type, withoutEmpty(attributes));
  const extensionElements = owner.get('extensionElements') as ModdleObject | undefined;
  if (extensionElements) {
    extension.$parent = extensionElements;
    const values = (extensionElements.get('values') as ModdleObject[] | undefined) ?? [];
    modeling.updateModdleProperties(element, extensionElements, { values: [...values, extension] });
    return;
  }
  const created = bpmnFactory.create('bpmn:ExtensionElements', { values: [extension] });
  extension.$parent = created;
  created.$parent = owner;
  modeling.updateModdleProperties(element, owner, { extensionElements: created });
}

/** Replace (or create) the `type` extension wholesale, e.g. an escalation ladder with its rungs. */
export function replaceExtension(
  services: ExtensionServices,
  element: DiagramElement,
  owner: ModdleObject,
  extension: ModdleObject | undefined,
  type: string,
): void {
  const extensionElements = owner.get('extensionElements') as ModdleObject | undefined;
  const values = ((extensionElements?.get('values') as ModdleObject[] | undefined) ?? []).filter((value) => value.$type !== type);
  const next = extension ? [...values, extension] : values;
  if (extensionElements) {
    if (extension) extension.$parent = extensionElements;
    services.modeling.updateModdleProperties(element, extensionElements, { values: next });
    return;
  }
  if (!extension) return;
  const created = services.bpmnFactory.create('bpmn:ExtensionElements', { values: next });
  extension.$parent = created;
  created.$parent = owner;
  services.modeling.updateModdleProperties(element, owner, { extensionElements: created });
}

function withoutEmpty(attributes: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => !!entry[1]));
}

/** The process that carries procedure metadata for `element`: the process itself, or a participant's process. */
export function procedureOwner(element: DiagramElement): ModdleObject | undefined {
  const bo = element.businessObject;
  if (bo.$type === 'bpmn:Process') return bo;
  if (bo.$type === 'bpmn:Participant') return bo.get('processRef') as ModdleObject | undefined;
  return undefined;
}
