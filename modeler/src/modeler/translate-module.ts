/** @module translateModule — bpmn-js `translate` service in the interface language (replaces the English default). */
import { currentLocale } from '../i18n/locale';
import { bpmnJsVi } from '../i18n/bpmn-js-vi';

function translate(template: string, replacements: Record<string, string> = {}): string {
  const text = currentLocale() === 'vi' ? (bpmnJsVi[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? whole);
}

export const translateModule = { translate: ['value', translate] };
