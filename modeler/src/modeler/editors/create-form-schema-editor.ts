/**
 * @module createFormSchemaEditor — the e-form's JSON Schema in monaco (JSON with schema-aware errors from the JSON
 * worker) beside a live preview of the form; edits go to the procedure's `lt:formSchema` through `onChange`.
 */
import { monaco, MONO_FONT } from './monaco-setup';
import { renderFormPreview } from './render-form-preview';

export interface FormSchemaEditor {
  setValue(schema: string): void;
  setReadOnly(readOnly: boolean): void;
  dispose(): void;
}

let modelCount = 0;

export function createFormSchemaEditor(editorHost: HTMLElement, previewHost: HTMLElement, onChange: (schema: string) => void): FormSchemaEditor {
  const uri = monaco.Uri.parse(`inmemory://lienthong/form-schema-${++modelCount}.json`);
  const model = monaco.editor.createModel('', 'json', uri);
  const editor = monaco.editor.create(editorHost, { model, automaticLayout: true, minimap: { enabled: false }, fontFamily: MONO_FONT, editContext: false, disableMonospaceOptimizations: true, fontSize: 13, scrollBeyondLastLine: false });
  let applying = false;
  let timer: number | undefined;
  model.onDidChangeContent(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => renderFormPreview(previewHost, model.getValue()), 150);
    if (!applying) onChange(model.getValue());
  });
  renderFormPreview(previewHost, '');
  return {
    setValue: (schema) => {
      if (model.getValue() === schema) return;
      applying = true;
      model.setValue(schema);
      applying = false;
      renderFormPreview(previewHost, schema);
    },
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly }),
    dispose: () => {
      window.clearTimeout(timer);
      editor.dispose();
      model.dispose();
    },
  };
}
