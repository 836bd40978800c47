/**
 * @module validate-form — checks an e-form against the JSON Schema its procedure declares (`lt:formSchema`) and
 * answers a 400 problem listing every field at fault at once (STYLE.md §4: validation reports all issues).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { ProcedureRecord } from '../../../engine/src/index';
import { HttpProblem } from '../http/http-problem';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

export function validateForm(procedure: ProcedureRecord, form: Record<string, unknown>): void {
  const schemaText = procedure.definition.procedure?.formSchema;
  if (!schemaText) return;
  let validate = compiled.get(schemaText);
  if (!validate) {
    validate = ajv.compile(JSON.parse(schemaText) as object);
    compiled.set(schemaText, validate);
  }
  if (validate(form)) return;
  const issues = (validate.errors ?? []).map((error) => ({
    field: error.instancePath === '' && error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : error.instancePath || '/',
    message: error.message ?? 'invalid',
  }));
  throw new HttpProblem({
    status: 400,
    code: 'FORM_INVALID',
    title: 'The e-form does not match the procedure',
    detail: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    extensions: { issues },
  });
}
