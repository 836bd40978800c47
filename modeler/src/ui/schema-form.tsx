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

/** ajv's keywords in Vietnamese; the field's own title is shown beside the message, so the message does not repeat it. */
export function vietnameseErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((error) => {
    const p = (error.params ?? {}) as Record<string, unknown>;
    let message = error.message;
    switch (error.name) {
      case 'required': message = 'Bắt buộc nhập'; break;
      case 'pattern': message = 'Không đúng định dạng'; break;
      case 'format': message = p.format === 'date' ? 'Ngày không hợp lệ' : p.format === 'email' ? 'Thư điện tử không hợp lệ' : 'Không đúng định dạng'; break;
      case 'minLength': message = `Tối thiểu ${p.limit} ký tự`; break;
      case 'maxLength': message = `Tối đa ${p.limit} ký tự`; break;
      case 'minimum': message = `Không nhỏ hơn ${p.limit}`; break;
      case 'maximum': message = `Không lớn hơn ${p.limit}`; break;
      case 'type': message = p.type === 'number' || p.type === 'integer' ? 'Phải là số' : 'Giá trị không hợp lệ'; break;
      case 'enum': message = 'Chọn một giá trị trong danh sách'; break;
      default: message = 'Giá trị không hợp lệ';
    }
    return { ...error, message, stack: message };
  });
}

export function SchemaForm(props: SchemaFormProps) {
  return (
    <Form
      className="ui-schema-form"
      schema={props.schema}
      formData={props.value}
      validator={validator}
      translateString={translateString}
      transformErrors={vietnameseErrors}
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
