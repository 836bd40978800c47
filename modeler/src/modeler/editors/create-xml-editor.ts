/**
 * @module createXmlEditor — the XML view of the diagram in monaco. Errors are shown at their line as you type;
 * the modeler view decides when to import the text back into the diagram.
 */
import { monaco, MONO_FONT } from './monaco-setup';
import { findXmlError, type XmlError } from './xml-errors';

export interface XmlEditor {
  getValue(): string;
  setValue(xml: string): void;
  setReadOnly(readOnly: boolean): void;
  /** Show `error` (or clear markers when undefined) and return it. */
  showError(error: XmlError | undefined): XmlError | undefined;
  /** Well-formedness check of the current text, shown as a marker. */
  check(): XmlError | undefined;
  layout(): void;
  dispose(): void;
}

export function createXmlEditor(container: HTMLElement, onChange: () => void): XmlEditor {
  const model = monaco.editor.createModel('', 'xml');
  const editor = monaco.editor.create(container, { model, automaticLayout: true, minimap: { enabled: false }, fontFamily: MONO_FONT, editContext: false, disableMonospaceOptimizations: true, fontSize: 13, scrollBeyondLastLine: false });
  let timer: number | undefined;
  const showError = (error: XmlError | undefined) => {
    monaco.editor.setModelMarkers(
      model,
      'xml',
      error
        ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: 1, endLineNumber: error.line, endColumn: model.getLineMaxColumn(Math.min(error.line, model.getLineCount())) }]
        : [],
    );
    container.dataset.error = error ? `${error.line}: ${error.message}` : '';
    return error;
  };
  const check = () => showError(findXmlError(model.getValue()));
  model.onDidChangeContent(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      check();
      onChange();
    }, 250);
  });
  return {
    getValue: () => model.getValue(),
    setValue: (xml) => {
      if (model.getValue() !== xml) model.setValue(xml);
      showError(undefined);
    },
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly }),
    showError,
    check,
    layout: () => editor.layout(),
    dispose: () => {
      window.clearTimeout(timer);
      editor.dispose();
      model.dispose();
    },
  };
}
