/**
 * @module portalParts — what the submission and lookup pages share: a labelled field with its error beside it, a file
 * field checked as the server checks uploads (type by extension, 20 MB), and server problems in plain Vietnamese.
 */
import type { ComponentChildren } from 'preact';
import { problemMessage } from '../common/problem-message';
import { ApiProblem } from '../../api/api-client';
import { t } from '../../i18n/locale';

/** The attachments' accepted extensions and size (server/src/attachments/attachment-type.ts, attachment-limits.ts). */
export const ACCEPTED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'xml'];
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ACCEPT = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** Why `file` would be refused, or undefined when it may be sent. */
export function fileError(file: File): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!extension || !ACCEPTED_EXTENSIONS.includes(extension)) return t('portal.error.fileType', { name: file.name });
  if (file.size === 0) return t('portal.error.fileEmpty', { name: file.name });
  if (file.size > MAX_FILE_BYTES) return t('portal.error.fileSize', { name: file.name });
  return undefined;
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? t('portal.size.mb', { n: (bytes / 1024 / 1024).toFixed(1) }) : t('portal.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

/** A refusal of the server as a sentence for the citizen; the file name where a file was refused. */
export function problemText(error: unknown, filename = ''): string {
  if (!(error instanceof ApiProblem)) return t('portal.error.network');
  switch (error.code) {
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
      return error.message.startsWith('Accepted') ? t('portal.error.fileType', { name: filename }) : t('portal.error.fileContent', { name: filename });
    case 'ATTACHMENT_TOO_LARGE':
    case 'DOSSIER_ATTACHMENTS_TOO_LARGE':
      return t('portal.error.fileSize', { name: filename });
    case 'ATTACHMENT_COUNT_EXCEEDED':
      return t('portal.error.fileCount');
    case 'RATE_LIMITED':
      return t('portal.error.tooMany');
    default:
      return problemMessage(error);
  }
}

export interface FieldProps {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}

/** A label, its control, and the error right under it (announced, and tied to the control by aria-describedby). */
export function Field({ label, name, error, hint, children }: FieldProps) {
  return (
    <div class={`portal-field${error ? ' portal-field-invalid' : ''}`}>
      <label for={`portal-${name}`}>{label}</label>
      {hint && <p class="portal-hint">{hint}</p>}
      {children}
      {error && (
        <p class="portal-error" id={`portal-${name}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export interface TextInputProps {
  name: string;
  label: string;
  value: string;
  error?: string;
  optional?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  autoComplete?: string;
  maxLength?: number;
  onInput(value: string): void;
}

export function TextInput(props: TextInputProps) {
  const label = props.optional ? `${props.label} ${t('portal.optional')}` : props.label;
  return (
    <Field label={label} name={props.name} error={props.error}>
      <input
        id={`portal-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `portal-${props.name}-error` : undefined}
        onInput={(event) => props.onInput((event.target as HTMLInputElement).value)}
      />
    </Field>
  );
}

export interface FileInputProps {
  name: string;
  label: string;
  /** Badges and hints under the label (required, copy type, condition). */
  hint?: string;
  file?: File;
  error?: string;
  onFile(file: File | undefined, error: string | undefined): void;
}

/**
 * One file for one component, checked on choice so a wrong file is named at once, beside its component. The native
 * input is hidden (its button speaks the browser's language, not ours) behind a button and a line in our words.
 */
export function FileInput(props: FileInputProps) {
  const id = `portal-${props.name}`;
  return (
    <Field label={props.label} name={props.name} error={props.error} hint={props.hint}>
      <div class="portal-file">
        <input
          id={id}
          name={props.name}
          type="file"
          class="portal-file-native"
          accept={ACCEPT}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          onChange={(event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            props.onFile(file, file ? fileError(file) : undefined);
          }}
        />
        <label for={id} class="lt-button portal-file-button" aria-hidden="true">
          {t('portal.components.choose')}
        </label>
        <span class={props.file && !props.error ? 'portal-chosen' : 'portal-muted'}>
          {props.file ? t('portal.components.chosen', { name: props.file.name, size: sizeText(props.file.size) }) : t('portal.components.none')}
        </span>
      </div>
    </Field>
  );
}

export function Message({ kind, text }: { kind: 'error' | 'ok'; text: string }) {
  return (
    <p class={kind === 'error' ? 'portal-banner portal-banner-error' : 'portal-banner portal-banner-ok'} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
