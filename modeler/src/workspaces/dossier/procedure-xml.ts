/**
 * @module procedureXml — what the dossier page reads from its procedure version's BPMN: the e-form's JSON Schema
 * (`lt:formSchema`) and the names of the route's elements. Read with the browser's DOMParser: read-only, no modeler.
 */
const LT_NAMESPACE = 'https://lienthong.gov.vn/schema/bpmn/1.0';
const BPMN_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export interface ProcedureXml {
  formSchema?: string;
  /** elementId → name, for every flow node that has one. */
  names: Map<string, string>;
  /** Ids of the user tasks: the only steps a dossier can be returned to. */
  userTasks: Set<string>;
}

export function parseProcedureXml(xml: string): ProcedureXml {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const schemaElement = doc.getElementsByTagNameNS(LT_NAMESPACE, 'formSchema')[0];
  const formSchema = schemaElement?.textContent?.trim() || undefined;
  const names = new Map<string, string>();
  const userTasks = new Set<string>();
  for (const node of Array.from(doc.getElementsByTagNameNS(BPMN_NAMESPACE, '*'))) {
    const id = node.getAttribute('id');
    const name = node.getAttribute('name');
    if (id && name && !node.localName.endsWith('Flow')) names.set(id, name);
    if (id && node.localName === 'userTask') userTasks.add(id);
  }
  return { ...(formSchema ? { formSchema } : {}), names, userTasks };
}
