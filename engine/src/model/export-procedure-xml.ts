/**
 * @module exportProcedureXml — re-serialise a BPMN document through bpmn-moddle with our descriptor. Foreign
 * extensions (Camunda, Signavio, …) survive: moddle keeps unknown extension elements as generic elements and unknown
 * attributes in `$attrs`, and writes both back.
 */
import { EngineError } from '../errors';
import { createModdle } from './create-moddle';
import { inventoryOf, type XmlInventory } from './read-xml-inventory';

/**
 * @throws EngineError `PROCEDURE_INVALID` when the document cannot be read as BPMN (use parseProcedure for the issues).
 * @example
 * const formatted = await exportProcedureXml(xmlFromTheModeler);
 */
export async function exportProcedureXml(xml: string): Promise<string> {
  const moddle = createModdle();
  const { xml: exported } = await moddle.toXML(await importDefinitions(xml), { format: true, preamble: true });
  return exported;
}

export interface RoundTrip {
  xml: string;
  before: XmlInventory;
  after: XmlInventory;
}

/** Export, re-import and compare: what a save should check before it replaces a stored model. */
export async function roundTripXml(xml: string): Promise<RoundTrip> {
  const moddle = createModdle();
  const imported = await importDefinitions(xml);
  const before = inventoryOf(imported);
  const { xml: exported } = await moddle.toXML(imported, { format: true, preamble: true });
  const after = inventoryOf(await importDefinitions(exported));
  return { xml: exported, before, after };
}

async function importDefinitions(xml: string): Promise<unknown> {
  try {
    const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
    return rootElement;
  } catch (error) {
    throw new EngineError({ code: 'PROCEDURE_INVALID', message: `Cannot read the document as BPMN: ${(error as Error).message}`, cause: error });
  }
}
