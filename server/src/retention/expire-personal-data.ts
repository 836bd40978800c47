/**
 * @module expirePersonalData — the part of a closed dossier that is personal data and the part the statistics keep
 * (issue 18 item 6; Decree 13/2023/NĐ-CP: no longer than needed). Personal: the applicant (name, ID number, phone,
 * e-mail, address), the e-form fields the procedure's form schema marks `"x-personal": true` (at any depth), and the
 * process instance (its variables are the e-form's fields). A form schema that marks no field at all says nothing about
 * which fields are safe to keep, so the whole e-form counts as personal then (the library's procedures ask for names,
 * ID numbers, birth dates and addresses in their e-forms). Kept: the dossier's code, procedure, agency, status,
 * channel, dates, clocks and documents list: what Decision 766/QĐ-TTg's figures are computed from.
 */
import { createHmac } from 'node:crypto';
import type { DossierRecord } from '../stores';

type Schema = { properties?: Record<string, Schema>; items?: Schema; 'x-personal'?: boolean };

/** The personal part of a dossier, as the archive bundle carries it. */
export interface PersonalData {
  applicant: DossierRecord['applicant'];
  /** The marked e-form fields, as they were (same nesting). */
  form: Record<string, unknown>;
  instance?: unknown;
}

/** The ID number as the citizen's lookup compares it: no spaces, upper case, NFKC. */
export const normalizeIdNumber = (idNumber: string): string => idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/**
 * What an expired dossier keeps of its applicant's ID number: HMAC-SHA-256 (RFC 2104) under the retention key
 * (RETENTION_HASH_KEY), hex. A personal ID number has 12 digits, so a plain SHA-256 of it is undone by trying the
 * 10^12 candidates, hours on one graphics card: the "deleted" number would still be there. Under a key kept outside the
 * database the digest names nobody to whoever reads the database alone.
 */
export function digestIdNumber(idNumber: string, key: string): string {
  return createHmac('sha256', key).update(normalizeIdNumber(idNumber)).digest('hex');
}

/** Whether `schema` marks any field, at any depth, personal or not (`"x-personal": false` keeps a field on purpose). */
function marksAny(schema: Schema): boolean {
  if (schema['x-personal'] !== undefined) return true;
  return Object.values(schema.properties ?? {}).some(marksAny) || (schema.items !== undefined && marksAny(schema.items));
}

/** Splits `value` on `schema`: marked fields go to `personal`, the rest stays in `kept`. Arrays keep their length. */
function split(value: unknown, schema: Schema | undefined): { kept: unknown; personal: unknown } {
  if (schema?.['x-personal']) return { kept: undefined, personal: value };
  if (Array.isArray(value) && schema?.items) {
    const parts = value.map((item) => split(item, schema.items));
    const personal = parts.some((part) => part.personal !== undefined) ? parts.map((part) => part.personal ?? null) : undefined;
    return { kept: parts.map((part) => part.kept ?? null), personal };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && schema?.properties) {
    const kept: Record<string, unknown> = {};
    const personal: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      const part = split(field, schema.properties[key]);
      if (part.kept !== undefined) kept[key] = part.kept;
      if (part.personal !== undefined) personal[key] = part.personal;
    }
    return { kept, personal: Object.keys(personal).length > 0 ? personal : undefined };
  }
  return { kept: value, personal: undefined };
}

/**
 * The dossier without its personal data, and that data. `formSchema` is the procedure version's `lt:formSchema`
 * (JSON text); a schema that does not parse marks nothing, and the applicant and the instance go all the same.
 */
export function expirePersonalData(dossier: DossierRecord, formSchema: string | undefined): { kept: DossierRecord; personal: PersonalData } {
  let schema: Schema | undefined;
  try {
    schema = formSchema ? (JSON.parse(formSchema) as Schema) : undefined;
  } catch {
    schema = undefined;
  }
  const form = schema && marksAny(schema) ? split(dossier.form, schema) : { kept: {}, personal: dossier.form };
  const { instance, ...rest } = dossier;
  const kept: DossierRecord = { ...rest, applicant: { name: '', idNumber: '' }, form: (form.kept ?? {}) as Record<string, unknown> };
  const personal: PersonalData = { applicant: dossier.applicant, form: (form.personal ?? {}) as Record<string, unknown>, ...(instance !== undefined ? { instance } : {}) };
  return { kept, personal };
}
