/**
 * @module readXmlInventory — what a BPMN document holds, as bpmn-moddle reads it: every element with its type, id and
 * foreign attributes. Comparing the inventories before and after an export shows whether anything was lost
 * (the corpus README's round-trip check), without callers importing bpmn-moddle.
 */
import { createModdle } from './create-moddle';
import { isModdleElement, type ModdleElement } from './moddle-element';

export interface XmlInventory {
  /** Number of moddle elements, generic (foreign) ones included. */
  elementCount: number;
  /** `id|$type` of every element that has an id. */
  idsWithTypes: string[];
  /** `$type` of every foreign (generic) element, in document order. */
  foreignTypes: string[];
  /** Foreign attributes (`$attrs` without namespace declarations) by element id. */
  foreignAttributes: Record<string, Record<string, string>>;
}

interface Descriptor {
  isGeneric?: boolean;
  properties?: { name: string; isReference?: boolean }[];
}

export async function readXmlInventory(xml: string): Promise<XmlInventory> {
  const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  return inventoryOf(rootElement);
}

/** The inventory of an already imported moddle tree. */
export function inventoryOf(rootElement: unknown): XmlInventory {
  const inventory: XmlInventory = { elementCount: 0, idsWithTypes: [], foreignTypes: [], foreignAttributes: {} };
  if (isModdleElement(rootElement)) visit(rootElement, inventory);
  inventory.idsWithTypes.sort();
  return inventory;
}

function visit(element: ModdleElement, inventory: XmlInventory): void {
  inventory.elementCount += 1;
  const descriptor = element.$descriptor as Descriptor | undefined;
  const generic = !descriptor || descriptor.isGeneric === true;
  if (element.id && typeof element.id === 'string') inventory.idsWithTypes.push(`${element.id}|${element.$type}`);
  if (generic) inventory.foreignTypes.push(element.$type);
  // xsi:type is moddle's type marker (compared through $type), written as the serialiser sees fit: not an extension.
  const attributes = Object.entries(element.$attrs ?? {}).filter(([name]) => !name.startsWith('xmlns') && name !== 'xsi:type');
  if (attributes.length > 0 && element.id) inventory.foreignAttributes[element.id] = Object.fromEntries(attributes.sort());
  for (const child of children(element, descriptor, generic)) visit(child, inventory);
}

/** Contained elements only: references (`sourceRef`, `attachedToRef`, …) point elsewhere in the tree. */
export function children(element: ModdleElement, descriptor: Descriptor | undefined, generic: boolean): ModdleElement[] {
  const values: unknown[] = [];
  if (generic) {
    for (const [name, value] of Object.entries(element)) if (!name.startsWith('$')) values.push(value);
    values.push(...(element.$children ?? []));
  } else {
    for (const property of descriptor?.properties ?? []) if (!property.isReference) values.push(element[property.name]);
  }
  return values.flatMap((value) => (Array.isArray(value) ? value : [value])).filter(isModdleElement);
}
