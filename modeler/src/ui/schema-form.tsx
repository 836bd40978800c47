/**
 * @module SchemaForm — an e-form drawn from a procedure's JSON Schema by @rjsf/core (react-jsonschema-form, on
 * preact/compat): one field per property with the schema's Vietnamese titles, formats checked by ajv, and every
 * error shown beside its field in Vietnamese. The wording of errors is ours (ajv ships no Vietnamese locale).
 */
import './ui.css';
import Form from '@rjsf/core';
import type { RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { TranslatableString, englishStringTranslator } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { currentLocale } from '../i18n/locale';

export interface SchemaFormProps {
  schema: RJSFSchema;
  value: Record<string, unknown>;
  onChange(value: Record<string, unknown>): void;
  /** Called with the form data when every field is valid. */
  onValid?(value: Record<string, unknown>): void;
  submitLabel?: string;
  /** A second button before the submit one (e.g. back to the previous step of a wizard). */
  onBack?(): void;
  backLabel?: string;
}

const VI_STRINGS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: 'Có',
  [TranslatableString.NoLabel]: 'Không',
  [TranslatableString.ErrorsLabel]: 'Lỗi',
  [TranslatableString.AddItemButton]: 'Thêm',
  [TranslatableString.AddButton]: 'Thêm',
  [TranslatableString.RemoveButton]: 'Xoá',
  [TranslatableString.MoveUpButton]: 'Lên',
  [TranslatableString.MoveDownButton]: 'Xuống',
  [TranslatableString.ArrayItemTitle]: 'Mục',
  [TranslatableString.EmptyArray]: 'Chưa có mục nào.',
};

const translateString = (key: TranslatableString, params?: string[]) => englishStringTranslator((VI_STRINGS[key] ?? key) as TranslatableString, params);

type Wording = Record<'required' | 'pattern' | 'date' | 'email' | 'format' | 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'number' | 'enum' | 'invalid', (limit: unknown) => string>;

const VI_ERRORS: Wording = {
  required: () => 'Bắt buộc nhập',
  pattern: () => 'Không đúng định dạng',
  date: () => 'Ngày không hợp lệ',
  email: () => 'Thư điện tử không hợp lệ',
  format: () => 'Không đúng định dạng',
  minLength: (limit) => `Tối thiểu ${limit} ký tự`,
  maxLength: (limit) => `Tối đa ${limit} ký tự`,
  minimum: (limit) => `Không nhỏ hơn ${limit}`,
  maximum: (limit) => `Không lớn hơn ${limit}`,
  number: () => 'Phải là số',
  enum: () => 'Chọn một giá trị trong danh sách',
  invalid: () => 'Giá trị không hợp lệ',
};

const EN_ERRORS: Wording = {
  required: () => 'Required',
  pattern: () => 'Not in the expected format',
  date: () => 'Not a valid date',
  email: () => 'Not a valid e-mail address',
  format: () => 'Not in the expected format',
  minLength: (limit) => `At least ${limit} characters`,
  maxLength: (limit) => `At most ${limit} characters`,
  minimum: (limit) => `Not less than ${limit}`,
  maximum: (limit) => `Not more than ${limit}`,
  number: () => 'Must be a number',
  enum: () => 'Choose a value from the list',
  invalid: () => 'Not a valid value',
};

/**
 * ajv's keywords in the interface's language (ajv ships no Vietnamese; its English names the property path, which
 * the field's own title beside the message already says).
 */
function localErrors(wording: Wording) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors.map((error) => {
      const p = (error.params ?? {}) as Record<string, unknown>;
      let message: string;
      switch (error.name) {
        case 'required': case 'pattern': case 'minLength': case 'maxLength': case 'minimum': case 'maximum': case 'enum':
          message = wording[error.name](p.limit);
          break;
        case 'format': message = p.format === 'date' || p.format === 'email' ? wording[p.format](undefined) : wording.format(undefined); break;
        case 'type': message = p.type === 'number' || p.type === 'integer' ? wording.number(undefined) : wording.invalid(undefined); break;
        default: message = wording.invalid(undefined);
      }
      return { ...error, message, stack: message };
    });
}

export const vietnameseErrors = localErrors(VI_ERRORS);
const englishErrors = localErrors(EN_ERRORS);

export function SchemaForm(props: SchemaFormProps) {
  return (
    <Form
      className="ui-schema-form"
      schema={props.schema}
      formData={props.value}
      validator={validator}
      translateString={translateString}
      transformErrors={currentLocale() === 'en' ? englishErrors : vietnameseErrors}
      showErrorList={false}
      noHtml5Validate
      onChange={(event) => props.onChange(event.formData as Record<string, unknown>)}
      onSubmit={(event) => props.onValid?.(event.formData as Record<string, unknown>)}
    >
      <div class="ui-actions">
        {props.onBack && (
          <button type="button" class="lt-button" onClick={props.onBack}>
            {props.backLabel ?? 'Quay lại'}
          </button>
        )}
        <button type="submit" class="lt-button lt-primary">
          {props.submitLabel ?? 'Tiếp tục'}
        </button>
      </div>
    </Form>
  );
}
