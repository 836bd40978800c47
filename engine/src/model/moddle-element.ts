/** @module ModdleElement — the loose shape of a bpmn-moddle element as our readers see it, with typed accessors. */

/**
 * A bpmn-moddle element. Known properties are plain fields; foreign attributes live in `$attrs`; foreign
 * (unregistered) extension elements are generic objects whose attributes are plain fields and whose children are
 * in `$children` and text in `$body`.
 */
export interface ModdleElement {
  $type: string;
  $attrs?: Record<string, string>;
  $parent?: ModdleElement;
  $children?: ModdleElement[];
  $body?: string;
  id?: string;
  [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A string property (or a number/boolean printed as text); `undefined` when absent or empty. */
export function stringProp(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function booleanProp(element: ModdleElement, name: string): boolean | undefined {
  const value = element[name];
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function elementProp(element: ModdleElement, name: string): ModdleElement | undefined {
  const value = element[name];
  return isModdleElement(value) ? value : undefined;
}

export function elementsProp(element: ModdleElement, name: string): ModdleElement[] {
  const value = element[name];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** Id of a referenced element (moddle resolves references to objects). */
export function refId(element: ModdleElement, name: string): string | undefined {
  const value = element[name];
  if (isModdleElement(value)) return value.id;
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

/** A foreign attribute such as `camunda:class`, whatever prefix the document bound to the namespace. */
export function foreignAttr(element: ModdleElement, localName: string, prefixes: readonly string[]): string | undefined {
  const attrs = element.$attrs ?? {};
  for (const prefix of prefixes) {
    const value = attrs[`${prefix}:${localName}`];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

/** Extension elements (the `values` of `bpmn:extensionElements`), ours and foreign ones alike. */
export function extensionValues(element: ModdleElement): ModdleElement[] {
  const extensionElements = elementProp(element, 'extensionElements');
  return extensionElements ? elementsProp(extensionElements, 'values') : [];
}

/** The local part of a type name, lower-cased first letter: `camunda:In` and `camunda:in` both give `in`. */
export function localTypeName(type: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return local.charAt(0).toLowerCase() + local.slice(1);
}

/** Whether a type belongs to a prefix (`camunda:in` with `['camunda', 'activiti']`). */
export function hasPrefix(type: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => type.startsWith(`${prefix}:`));
}

/** Prefixes the corpus uses for the Camunda 7 / Activiti extension namespace (unregistered, so read generically). */
export const CAMUNDA_PREFIXES = ['camunda', 'activiti'] as const;
