/**
 * @module createConditionEditor — the FEEL condition of the selected sequence flow, edited in monaco with FEEL
 * highlighting and syntax errors marked as you type; valid or not, the text is written to the diagram so the lint
 * check on the flow follows too.
 */
import { monaco, MONO_FONT } from './monaco-setup';
import { FEEL_LANGUAGE_ID } from './feel-language';
import { feelSyntaxErrors } from './feel-syntax-errors';

export interface ConditionEditor {
  setValue(body: string): void;
  setReadOnly(readOnly: boolean): void;
  dispose(): void;
}

export function createConditionEditor(container: HTMLElement, errorLine: HTMLElement, onChange: (body: string) => void): ConditionEditor {
  const model = monaco.editor.createModel('', FEEL_LANGUAGE_ID);
  const editor = monaco.editor.create(container, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    fontFamily: MONO_FONT, editContext: false, disableMonospaceOptimizations: true, fontSize: 14,
    wordWrap: 'on',
    scrollBeyondLastLine: false,
    renderLineHighlight: 'none',
  });
  let applying = false;
  const mark = () => {
    const body = model.getValue();
    const errors = body.trim() === '' ? [] : feelSyntaxErrors(body);
    monaco.editor.setModelMarkers(
      model,
      'feel',
      errors.map((error) => {
        const start = model.getPositionAt(error.from);
        const end = model.getPositionAt(Math.max(error.to, error.from + 1));
        return { severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
      }),
    );
    errorLine.textContent = errors[0] ? errors[0].message : '';
    errorLine.hidden = errors.length === 0;
  };
  model.onDidChangeContent(() => {
    mark();
    if (!applying) onChange(model.getValue());
  });
  return {
    setValue: (body) => {
      if (model.getValue() === body) return;
      applying = true;
      model.setValue(body);
      applying = false;
      mark();
    },
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly }),
    dispose: () => {
      editor.dispose();
      model.dispose();
    },
  };
}
