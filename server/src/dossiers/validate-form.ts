/**
 * @module validate-form — checks an e-form against the limits every form obeys (form-data-limits.ts), then against
 * the JSON Schema its procedure declares (`lt:formSchema`), and answers a 400 problem listing every field at fault at
 * once (STYLE.md §4: validation reports all issues). A property the schema does not allow is named in its issue.
 *
 * The problem carries two lists: `issues` (`field` + English message, every error ajv reports) and `errors`
 * (`pointer` + Vietnamese message, one per field) for the browser form to show beside each field. Formats are
 * ajv-formats' full set, the one @rjsf/validator-ajv8 checks in the browser, so both sides agree on what a date is.
 * A `pattern` runs on RE2 (re2js), in time linear in the input: the form is anyone's input and the pattern an
 * analyst's text, and `^(a+)+$` on a JS RegExp backtracks for minutes on a near miss.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import type { ProcedureDefinition, ValidationIssue } from '../../../engine/src/index';
import type { ProcedureRecord } from '../stores';
import { Refusal } from '../../../engine/src/index';
import { assertFormDataWithinLimits, type FormDataLimits } from './form-data-limits';

/**
 * ajv's RegExp engine port: ajv calls `test`, and keys its compiled patterns by `toString()` (so it must differ per
 * pattern); `code` is what standalone code would import (never generated here).
 */
const re2RegExp = Object.assign(
  (pattern: string) => {
    const compiled = RE2JS.compile(pattern);
    return { test: (input: string) => compiled.matcher(input).find(), toString: () => `re2:${pattern}` };
  },
  { code: 'require("re2js").RE2JS' },
);

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { regExp: re2RegExp } });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** One field at fault, for the form: a JSON Pointer (RFC 6901) into the form and what is wrong, in Vietnamese. */
export interface FormFieldError {
  pointer: string;
  message: string;
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The field an ajv error is about: the missing or unexpected property itself when the error names one. */
function fieldOf(error: ErrorObject): string {
  const property = error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
  if (property === undefined) return error.instancePath || '/';
  return `${error.instancePath}/${escapePointer(String(property))}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'có hoặc không',
  object: 'nhóm thông tin',
  array: 'danh sách',
  null: 'để trống',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Ngày không hợp lệ (năm-tháng-ngày, ví dụ 2025-01-31)',
  'date-time': 'Thời điểm không hợp lệ',
  time: 'Giờ không hợp lệ',
  email: 'Địa chỉ thư điện tử không hợp lệ',
  uri: 'Địa chỉ không hợp lệ',
};

/** What a citizen reads beside the field. A pattern's field explains its format in its `description` (e.g. "12 chữ số"). */
function vietnameseMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as { description?: unknown };
  switch (error.keyword) {
    case 'required':
      return 'Bắt buộc nhập';
    case 'additionalProperties':
      return 'Không phải một trường của biểu mẫu này';
    case 'type':
      return `Phải là ${String(params.type).split(',').map((type) => TYPE_NAMES[type] ?? type).join(' hoặc ')}`;
    case 'format':
      return FORMAT_MESSAGES[String(params.format)] ?? 'Không đúng định dạng';
    case 'pattern':
      return typeof schema.description === 'string' ? `Không đúng định dạng: ${schema.description}` : 'Không đúng định dạng';
    case 'minLength':
      return params.limit === 1 ? 'Bắt buộc nhập' : `Phải có ít nhất ${String(params.limit)} ký tự`;
    case 'maxLength':
      return `Không được dài quá ${String(params.limit)} ký tự`;
    case 'minimum':
      return `Phải lớn hơn hoặc bằng ${String(params.limit)}`;
    case 'exclusiveMinimum':
      return `Phải lớn hơn ${String(params.limit)}`;
    case 'maximum':
      return `Phải nhỏ hơn hoặc bằng ${String(params.limit)}`;
    case 'exclusiveMaximum':
      return `Phải nhỏ hơn ${String(params.limit)}`;
    case 'multipleOf':
      return `Phải là bội số của ${String(params.multipleOf)}`;
    case 'minItems':
      return `Phải có ít nhất ${String(params.limit)} mục`;
    case 'maxItems':
      return `Không được quá ${String(params.limit)} mục`;
    case 'uniqueItems':
      return 'Các mục không được trùng nhau';
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return 'Không phải một lựa chọn hợp lệ';
    default:
      return 'Giá trị không hợp lệ';
  }
}

/**
 * One error per field, in the order ajv found them. The errors of each branch of a `oneOf`/`anyOf` (a list of
 * choices `{ const, title }`) are dropped for the `oneOf` error itself, and an `if` error only repeats what its `then`
 * already said.
 */
function fieldErrorsOf(errors: ErrorObject[]): FormFieldError[] {
  const byPointer = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword === 'if' || /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) continue;
    const pointer = fieldOf(error);
    if (!byPointer.has(pointer)) byPointer.set(pointer, vietnameseMessage(error));
  }
  return [...byPointer].map(([pointer, message]) => ({ pointer, message }));
}

/** The compiled validator of a schema text, compiled once per text. Throws when the schema does not compile. */
function validatorOf(schemaText: string): ValidateFunction {
  let validate = compiled.get(schemaText);
  if (!validate) {
    validate = ajv.compile(JSON.parse(schemaText) as object);
    compiled.set(schemaText, validate);
  }
  return validate;
}

/**
 * At validate and deploy: an e-form schema that does not compile here (a `pattern` RE2 cannot run, an unknown
 * format, a malformed keyword) would otherwise surface as a 500 on the first citizen's submission.
 */
export function formSchemaIssues(definition: ProcedureDefinition): ValidationIssue[] {
  const schemaText = definition.procedure?.formSchema;
  if (!schemaText) return [];
  try {
    validatorOf(schemaText);
    return [];
  } catch (error) {
    return [{
      elementId: definition.processes[0]?.id ?? '',
      code: 'FORM_SCHEMA_INVALID',
      severity: 'error',
      message: `The e-form schema (lt:formSchema) does not compile: ${(error as Error).message.slice(0, 300)}`,
    }];
  }
}

export function validateForm(procedure: ProcedureRecord, form: Record<string, unknown>, limits?: FormDataLimits): void {
  // Bounds first: the schema compiler then only ever walks a small, operator-free form.
  assertFormDataWithinLimits(form, 'form', limits);
  const schemaText = procedure.definition.procedure?.formSchema;
  if (!schemaText) return;
  const validate = validatorOf(schemaText);
  if (validate(form)) return;
  const found = validate.errors ?? [];
  const issues = found.map((error) => ({
    field: fieldOf(error),
    message: error.keyword === 'additionalProperties' ? 'is not a field of this e-form' : (error.message ?? 'invalid'),
  }));
  throw new Refusal({
    kind: 'invalid',
    code: 'FORM_INVALID',
    title: 'The e-form does not match the procedure',
    detail: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    extensions: { issues, errors: fieldErrorsOf(found) },
  });
}
