/**
 * @module libraryTemplates — the six procedures of the shipped library (procedures/, each with its README and legal
 * basis) as templates in the gallery, among them the two inter-agency groups of Decree 63/2024/NĐ-CP (a call activity
 * per agency with its share of the deadline). The diagrams are bundled as they are drawn; the name, statutory
 * deadline and legal basis shown come from each model's own `lt:procedure`.
 */
import type { ProcedureTemplate } from './procedure-templates';

const models = import.meta.glob<string>('../../../procedures/*/*.bpmn', { query: '?raw', import: 'default', eager: true });

const UNIT_VI: Record<string, string> = { workingDays: 'ngày làm việc', workingHours: 'giờ làm việc', calendarDays: 'ngày', sameDay: 'trong ngày' };

/** An attribute of the model's `lt:procedure`, unescaped. */
function procedureAttribute(xml: string, name: string): string | undefined {
  const element = /<lt:procedure\b[^>]*>/.exec(xml)?.[0];
  const value = element && new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function libraryTemplate(path: string, xml: string): ProcedureTemplate {
  const key = path.split('/').at(-1)!.replace(/\.bpmn$/, '');
  const name = procedureAttribute(xml, 'name') ?? key;
  const value = procedureAttribute(xml, 'statutoryValue');
  const unit = procedureAttribute(xml, 'statutoryUnit');
  const deadline = value && unit ? `${value} ${UNIT_VI[unit] ?? unit}` : undefined;
  const basis = procedureAttribute(xml, 'legalBasis')?.split(';')[0];
  return { key, title: { text: name }, description: { text: ['Thủ tục mẫu trong thư viện', deadline, basis].filter(Boolean).join(' · ') }, xml: () => xml };
}

/** The library's procedures, by key. */
export const libraryTemplates: ProcedureTemplate[] = Object.entries(models)
  .map(([path, xml]) => libraryTemplate(path, xml))
  .sort((a, b) => a.key.localeCompare(b.key));
