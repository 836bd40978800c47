/**
 * @module ApplicantFields — who hands in the dossier: ID number (12-digit citizen ID, 9-digit old ID card, or a
 * passport number), name, address, phone, e-mail, and how they want the result (at the counter, by public post,
 * online). `validateApplicant` checks the same rules the page shows beside each field, in the interface language;
 * the server checks the ID number's shape again (route-schemas.ts `ApplicantSchema`).
 */
import './ui.css';
import type { JSX } from 'preact';
import { t, type MessageKey } from '../i18n/locale';

export type ResultDelivery = 'counter' | 'post' | 'online';

export interface ApplicantValue {
  idNumber: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  resultDelivery: ResultDelivery;
}

export type ApplicantErrors = Partial<Record<keyof ApplicantValue, string>>;

export interface ApplicantFieldsProps {
  value: ApplicantValue;
  onChange(value: ApplicantValue): void;
  /** Messages beside the fields, from `validateApplicant` (shown once the user tried to go on). */
  errors?: ApplicantErrors;
  /** Prefixes the inputs' ids, when two forms share a page. */
  idPrefix?: string;
}

export const emptyApplicant = (): ApplicantValue => ({ idNumber: '', name: '', address: '', phone: '', email: '', resultDelivery: 'counter' });

/** Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits), or a passport number with at least one letter. */
export function isIdNumber(text: string): boolean {
  const value = text.trim();
  if (/^\d+$/.test(value)) return value.length === 12 || value.length === 9;
  return /^[A-Za-z0-9]{6,9}$/.test(value) && /[A-Za-z]/.test(value);
}

/** A Vietnamese phone number: 0 or +84 and nine digits, spaces and dots allowed between. */
export function isPhone(text: string): boolean {
  return /^(0|\+84)\d{9}$/.test(text.replace(/[\s.]/g, ''));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The field's message, or nothing when every field is valid. */
export function validateApplicant(value: ApplicantValue): ApplicantErrors {
  const errors: ApplicantErrors = {};
  const required = (field: keyof ApplicantValue, max: number) => {
    const text = value[field].trim();
    if (!text) errors[field] = t('ui.error.required');
    else if (text.length > max) errors[field] = t('ui.error.tooLong', { n: max });
  };
  required('idNumber', 20);
  if (!errors.idNumber && !isIdNumber(value.idNumber)) errors.idNumber = t('ui.error.idNumber');
  required('name', 200);
  required('address', 500);
  required('phone', 30);
  if (!errors.phone && !isPhone(value.phone)) errors.phone = t('ui.error.phone');
  if (value.email.trim() && !EMAIL.test(value.email.trim())) errors.email = t('ui.error.email');
  else if (!value.email.trim() && value.resultDelivery === 'online') errors.email = t('ui.error.emailForOnline');
  return errors;
}

/** The applicant as the dossier routes take it (empty optional fields left out). */
export function toApplicantBody(value: ApplicantValue): { name: string; idNumber: string; address: string; phone: string; email?: string } {
  return {
    name: value.name.trim(),
    idNumber: value.idNumber.trim().toUpperCase(),
    address: value.address.trim(),
    phone: value.phone.replace(/[\s.]/g, ''),
    ...(value.email.trim() ? { email: value.email.trim() } : {}),
  };
}

const DELIVERIES: ResultDelivery[] = ['counter', 'post', 'online'];

export function ApplicantFields({ value, onChange, errors = {}, idPrefix = 'applicant' }: ApplicantFieldsProps) {
  const set = (field: keyof ApplicantValue) => (event: JSX.TargetedEvent<HTMLInputElement>) => onChange({ ...value, [field]: event.currentTarget.value });
  const text = (field: Exclude<keyof ApplicantValue, 'resultDelivery'>, label: MessageKey, props: JSX.InputHTMLAttributes<HTMLInputElement> = {}, optional = false) => {
    const id = `${idPrefix}-${field}`;
    const error = errors[field];
    return (
      <div class={`ui-field${error ? ' ui-field-invalid' : ''}`}>
        <label for={id}>
          {t(label)} {optional && <span class="ui-hint">{t('ui.applicant.optional')}</span>}
        </label>
        <input id={id} name={field} value={value[field]} onInput={set(field)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} {...props} />
        {field === 'idNumber' && !error && <span class="ui-hint">{t('ui.applicant.idNumber.hint')}</span>}
        {error && (
          <span class="ui-field-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };
  return (
    <div class="ui-applicant">
      {text('idNumber', 'ui.applicant.idNumber', { inputMode: 'text', autoComplete: 'off', maxLength: 20 })}
      {text('name', 'ui.applicant.name', { autoComplete: 'name', maxLength: 200 })}
      {text('address', 'ui.applicant.address', { autoComplete: 'street-address', maxLength: 500 })}
      {text('phone', 'ui.applicant.phone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 30 })}
      {text('email', 'ui.applicant.email', { type: 'email', autoComplete: 'email', maxLength: 200 }, true)}
      <fieldset class="ui-field ui-delivery">
        <legend>{t('ui.applicant.resultDelivery')}</legend>
        {DELIVERIES.map((delivery) => (
          <label key={delivery} class="ui-radio">
            <input type="radio" name={`${idPrefix}-resultDelivery`} value={delivery} checked={value.resultDelivery === delivery} onChange={() => onChange({ ...value, resultDelivery: delivery })} />
            {t(`ui.delivery.${delivery}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
