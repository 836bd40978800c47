/**
 * @module eformFields — the fields the library's e-forms are built from, as JSON Schema (the subset @rjsf/core renders
 * in the browser and ajv with ajv-formats checks on the server): Vietnamese titles, the national formats (personal ID
 * number, tax code, land parcel), choices as `oneOf: [{ const, title }]` so the form shows the Vietnamese label and
 * stores the code. Every object forbids undeclared fields: a dossier collects only what its procedure needs
 * (Decree 13/2023/NĐ-CP), and the form's fields become the route's variables.
 */

export type JsonSchema = Record<string, unknown>;

/** Free text; `minLength: 1` so an empty answer is as missing as an absent one. */
export function text(title: string, options: { maxLength?: number; description?: string } = {}): JsonSchema {
  return { type: 'string', title, minLength: 1, maxLength: options.maxLength ?? 200, ...(options.description ? { description: options.description } : {}) };
}

export const longText = (title: string, description?: string): JsonSchema => text(title, { maxLength: 2000, ...(description ? { description } : {}) });

/** Số định danh cá nhân (the number of the citizen identity card, CCCD): 12 digits (Law on Identification 2023). */
export function personalIdNumber(title = 'Số định danh cá nhân'): JsonSchema {
  return { type: 'string', title, pattern: '^[0-9]{12}$', description: '12 chữ số (số thẻ căn cước / căn cước công dân)' };
}

/** Mã số thuế / mã số doanh nghiệp: 10 digits, or 13 with a dependent unit's suffix (Law on Tax Administration 2019, Art. 30). */
export function taxCode(title = 'Mã số thuế'): JsonSchema {
  return { type: 'string', title, pattern: '^[0-9]{10}(-[0-9]{3})?$', description: '10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (0123456789-001)' };
}

/** A calendar date as `yyyy-mm-dd` (the browser's date picker; ajv-formats checks the day exists). */
export function date(title: string): JsonSchema {
  return { type: 'string', title, format: 'date' };
}

export function phone(title = 'Số điện thoại'): JsonSchema {
  return { type: 'string', title, pattern: '^0[0-9]{9,10}$', description: '10 hoặc 11 chữ số, bắt đầu bằng 0' };
}

export function email(title = 'Thư điện tử'): JsonSchema {
  return { type: 'string', title, format: 'email', maxLength: 200 };
}

/** Số thửa, số tờ bản đồ: positive whole numbers as the cadastral map numbers them. */
export function parcelNumber(title: string): JsonSchema {
  return { type: 'integer', title, minimum: 1, maximum: 999_999 };
}

/** An area in square metres, more than zero. */
export function area(title: string): JsonSchema {
  return { type: 'number', title, exclusiveMinimum: 0, maximum: 1_000_000_000 };
}

/** An amount of Vietnamese đồng. */
export function money(title: string): JsonSchema {
  return { type: 'integer', title, minimum: 0, maximum: 1e15 };
}

export function count(title: string, maximum: number): JsonSchema {
  return { type: 'integer', title, minimum: 1, maximum };
}

/** A choice among codes, each shown with its Vietnamese label. */
export function choice(title: string, options: readonly (readonly [code: string, label: string])[]): JsonSchema {
  return { type: 'string', title, oneOf: options.map(([code, label]) => ({ const: code, title: label })) };
}

export function yesNo(title: string): JsonSchema {
  return { type: 'boolean', title };
}

/** A group of fields (a fieldset of the form); `required` lists the fields that must be filled. */
export function group(title: string, properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return { type: 'object', title, ...(required.length > 0 ? { required: [...required] } : {}), properties, additionalProperties: false };
}

export const SEX = choice('Giới tính', [['nam', 'Nam'], ['nu', 'Nữ']]);

/** Where the result is returned (form 01 "nơi trả kết quả"). */
export const RESULT_DELIVERY = choice('Hình thức nhận kết quả', [
  ['truc-tiep', 'Nhận trực tiếp tại Bộ phận Một cửa'],
  ['buu-chinh', 'Qua dịch vụ bưu chính công ích'],
  ['dien-tu', 'Bản điện tử qua Cổng Dịch vụ công'],
]);

/** The e-form of a procedure: a JSON Schema object with a title, and the fields that must be filled. */
export function eformSchema(title: string, properties: Record<string, JsonSchema>, required: readonly string[], extra: JsonSchema = {}): JsonSchema {
  return { ...group(title, properties, required), ...extra };
}
