/**
 * @module validate-form — checks an e-form against the limits every form obeys (form-data-limits.ts), then against
 * the JSON Schema its procedure declares (`lt:formSchema`), and answers a 400 problem listing every field at fault at
 * once (STYLE.md §4: validation reports all issues). A property the schema does not allow is named in its issue.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ProcedureRecord } from '../../../engine/src/index';
import { HttpProblem } from '../http/http-problem';
import { assertFormDataWithinLimits, type FormDataLimits } from './form-data-limits';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

/** The field an ajv error is about: the missing or unexpected property itself when the error names one. */
function fieldOf(error: ErrorObject): string {
  const property = error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
  if (property === undefined) return error.instancePath || '/';
  return `${error.instancePath}/${String(property).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

export function validateForm(procedure: ProcedureRecord, form: Record<string, unknown>, limits?: FormDataLimits): void {
  // Bounds first: the schema compiler then only ever walks a small, operator-free form.
  assertFormDataWithinLimits(form, 'form', limits);
  const schemaText = procedure.definition.procedure?.formSchema;
  if (!schemaText) return;
  let validate = compiled.get(schemaText);
  if (!validate) {
    validate = ajv.compile(JSON.parse(schemaText) as object);
    compiled.set(schemaText, validate);
  }
  if (validate(form)) return;
  const issues = (validate.errors ?? []).map((error) => ({
    field: fieldOf(error),
    message: error.keyword === 'additionalProperties' ? 'is not a field of this e-form' : (error.message ?? 'invalid'),
  }));
  throw new HttpProblem({
    status: 400,
    code: 'FORM_INVALID',
    title: 'The e-form does not match the procedure',
    detail: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    extensions: { issues },
  });
}
