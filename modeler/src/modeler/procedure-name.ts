/**
 * @module procedureName — the procedure's one name: the pool's label, its process's name and `lt:procedure name`
 * (what the list of deployed procedures shows) always the same, read and written together as one undoable step.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { extensionAttribute, procedureOwner, setExtensionAttributes, type DiagramElement, type ExtensionServices } from './properties/extension-elements';

/** The pool that carries the procedure, else the process drawn without one. */
function procedureElement(modeler: BpmnModeler): DiagramElement | undefined {
  const registry = modeler.get<{ filter(fn: (element: DiagramElement) => boolean): DiagramElement[] }>('elementRegistry');
  const pool = registry.filter((element) => element.type === 'bpmn:Participant' && !!procedureOwner(element))[0];
  if (pool) return pool;
  const root = modeler.get<{ getRootElement(): DiagramElement }>('canvas').getRootElement();
  return procedureOwner(root) ? root : undefined;
}

/** The pool's label, else the procedure metadata's name, else the process's. */
export function readProcedureName(modeler: BpmnModeler): string {
  const element = procedureElement(modeler);
  if (!element) return '';
  const own = element.businessObject.get('name');
  const owner = procedureOwner(element);
  return (typeof own === 'string' && own) || extensionAttribute(owner, 'lt:Procedure', 'name') || String(owner?.get('name') ?? '');
}

/** Give the pool, its process and the procedure metadata `name`; nothing when they all have it already. */
export function writeProcedureName(modeler: BpmnModeler, name: string): void {
  const element = procedureElement(modeler);
  const owner = element && procedureOwner(element);
  if (!element || !owner) return;
  const services: ExtensionServices = { modeling: modeler.get('modeling'), bpmnFactory: modeler.get('bpmnFactory') };
  const value = name.trim() || undefined;
  if ((element.businessObject.get('name') ?? '') !== (value ?? '')) services.modeling.updateProperties(element, { name: value });
  if (owner !== element.businessObject && (owner.get('name') ?? '') !== (value ?? '')) services.modeling.updateModdleProperties(element, owner, { name: value });
  if (extensionAttribute(owner, 'lt:Procedure', 'name') !== (value ?? '')) setExtensionAttributes(services, element, owner, 'lt:Procedure', { name: value });
}
