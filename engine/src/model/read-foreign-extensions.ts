/** @module readForeignExtensions — foreign (non-`lt:`) extension elements and attributes kept as plain data. */
import type { ForeignElement } from './procedure-definition';
import { extensionValues, isModdleElement, type ModdleElement } from './moddle-element';

export function readForeignExtensions(owner: ModdleElement): ForeignElement[] | undefined {
  const foreign = extensionValues(owner).filter((element) => !element.$type.startsWith('lt:'));
  return foreign.length > 0 ? foreign.map(toForeignElement) : undefined;
}

/** Foreign attributes such as `camunda:asyncBefore`, without namespace declarations. */
export function readForeignAttributes(owner: ModdleElement): Record<string, string> | undefined {
  const entries = Object.entries(owner.$attrs ?? {}).filter(([name]) => !name.startsWith('xmlns'));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Generic moddle elements carry their attributes as plain fields, children in `$children`, text in `$body`. */
function toForeignElement(element: ModdleElement): ForeignElement {
  const attributes: Record<string, string> = {};
  const children: ForeignElement[] = [];
  for (const [name, value] of Object.entries(element)) {
    if (name.startsWith('$') || name.startsWith('xmlns')) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[name] = String(value);
    else if (isModdleElement(value)) children.push(toForeignElement(value));
    else if (Array.isArray(value)) children.push(...value.filter(isModdleElement).map(toForeignElement));
  }
  children.push(...(element.$children ?? []).map(toForeignElement));
  for (const [name, value] of Object.entries(element.$attrs ?? {})) if (!name.startsWith('xmlns')) attributes[name] = value;
  const body = typeof element.$body === 'string' && element.$body.trim() !== '' ? element.$body : undefined;
  return { type: element.$type, attributes, ...(body ? { body } : {}), ...(children.length > 0 ? { children } : {}) };
}
