/**
 * @module readRequiredComponents — the components of the dossier (thành phần hồ sơ) a procedure lists, `lt:component`
 * inside `lt:procedure`: what the counter ticks on the receipt slip (form 01: copy type and quantity), what the
 * citizen uploads online, and what a supplement request (form 02) names when one is missing.
 */
import type { RequiredComponent } from './procedure-definition';
import { elementsProp, stringProp, type ModdleElement } from './moddle-element';
import { parseDecimal } from './read-extensions';

const COPY_TYPES = ['original', 'certifiedCopy', 'copy', 'electronic'] as const;

/**
 * Reads every `lt:component` in document order. A component without an id or a name is dropped; one with an unusable
 * copy type, quantity or `required` flag is kept with the default (original, 1, required) so the checklist stays
 * whole. Each problem is reported through `report`, naming the component by position, id and name.
 */
export function readRequiredComponents(procedure: ModdleElement, report: (message: string) => void): RequiredComponent[] | undefined {
  const elements = elementsProp(procedure, 'components');
  if (elements.length === 0) return undefined;
  const seen = new Set<string>();
  const components: RequiredComponent[] = [];
  elements.forEach((element, index) => {
    const id = stringProp(element, 'id')?.trim() ?? '';
    const name = stringProp(element, 'name')?.trim() ?? '';
    const label = `component ${index + 1}${id ? ` (${id})` : ''}${name ? ` "${name}"` : ''}`;
    const problem = (what: string) => report(`has an lt:component, ${label}, ${what}`);
    if (id === '') problem('with no id');
    if (name === '') problem('with no name (the component as the published procedure lists it)');
    if (id !== '' && seen.has(id)) problem(`whose id "${id}" is used by an earlier component`);
    const component: RequiredComponent = {
      id,
      name,
      copyType: readCopyType(element, problem),
      quantity: readQuantity(element, problem),
      required: readRequired(element, problem),
    };
    const condition = stringProp(element, 'condition')?.trim();
    const legalBasis = stringProp(element, 'legalBasis')?.trim();
    if (condition) component.condition = condition;
    if (legalBasis) component.legalBasis = legalBasis;
    if (id === '' || name === '' || seen.has(id)) return;
    seen.add(id);
    components.push(component);
  });
  return components;
}

function readCopyType(element: ModdleElement, problem: (what: string) => void): RequiredComponent['copyType'] {
  const copyType = stringProp(element, 'copyType') ?? 'original';
  if ((COPY_TYPES as readonly string[]).includes(copyType)) return copyType as RequiredComponent['copyType'];
  problem(`with unknown copyType "${copyType}"; expected ${COPY_TYPES.join(', ')}`);
  return 'original';
}

function readQuantity(element: ModdleElement, problem: (what: string) => void): number {
  const text = stringProp(element, 'quantity');
  const value = parseDecimal(text);
  if (value === undefined) return 1;
  if (Number.isNaN(value) || !Number.isInteger(value) || value < 1 || value > 99) {
    problem(`with quantity "${text}" that is not a whole number from 1 to 99`);
    return 1;
  }
  return value;
}

/** Absent means required: a published list marks the optional components ("nếu có", "trường hợp …"). */
function readRequired(element: ModdleElement, problem: (what: string) => void): boolean {
  const text = stringProp(element, 'required');
  if (text === undefined || text === 'true') return true;
  if (text === 'false') return false;
  problem(`with required "${text}"; expected true or false`);
  return true;
}
