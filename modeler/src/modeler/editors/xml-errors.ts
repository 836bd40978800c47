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
  const text = error.textContent ?? 'XML error';
  const position = /line (\d+) at column (\d+)/.exec(text);
  const message = (/:\s*(.*)$/m.exec(text.split('\n').find((line) => /error/i.test(line)) ?? text)?.[1] ?? text).trim();
  return { line: position ? Number(position[1]) : 1, column: position ? Number(position[2]) : 1, message };
}

/** A line number for a bpmn-js import error, which mentions `line: N` when bpmn-moddle knows it. */
export function fromImportError(error: unknown): XmlError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line:?\s*(\d+)/i.exec(message);
  const column = /column:?\s*(\d+)/i.exec(message);
  return { line: line ? Number(line[1]) : 1, column: column ? Number(column[1]) : 1, message: message.split('\n')[0] ?? message };
}
