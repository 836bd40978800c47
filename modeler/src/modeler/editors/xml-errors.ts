/**
 * @module xmlErrors — where an XML text is broken: Chromium's DOMParser reports "error on line L at column C", and
 * bpmn-moddle import errors carry "line: L". Both become a line number for the editor's markers.
 */
export interface XmlError {
  line: number;
  column: number;
  message: string;
}

/** The first well-formedness error of `xml`, or undefined. */
export function findXmlError(xml: string): XmlError | undefined {
  const parsed = new DOMParser().parseFromString(xml, 'application/xml');
  const error = parsed.getElementsByTagName('parsererror')[0];
  if (!error) return undefined;
  // Chromium: "This page contains the following errors:error on line 3 at column 44: Unexpected token '<'\nBelow is…"
  const text = error.textContent ?? 'XML error';
  const found = /line (\d+) at column (\d+):\s*([^\n]*?)\s*(?:Below is a rendering|\n|$)/.exec(text);
  if (!found) return { line: 1, column: 1, message: text.trim() };
  return { line: Number(found[1]), column: Number(found[2]), message: found[3]!.trim() };
}

/** A line number for a bpmn-js import error, which mentions `line: N` when bpmn-moddle knows it. */
export function fromImportError(error: unknown): XmlError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line:?\s*(\d+)/i.exec(message);
  const column = /column:?\s*(\d+)/i.exec(message);
  return { line: line ? Number(line[1]) : 1, column: column ? Number(column[1]) : 1, message: message.split('\n')[0] ?? message };
}
