/**
 * @module FileDrop — scans for one dossier component: dropped onto the zone, chosen from disk, or taken with the
 * phone's rear camera (`capture="environment"`). Only what the server accepts as a scan passes (PDF, JPEG, PNG, at
 * most 20 MB each, attachment-routes.ts); anything else is named in a message beside the zone and not kept.
 */
import './ui.css';
import { useState } from 'preact/hooks';
import { t } from '../i18n/locale';

/** The server's per-file limit (DEFAULT_ATTACHMENT_LIMITS.maxFileBytes). */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
const SCAN_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const SCAN_EXTENSION = /\.(pdf|jpe?g|png)$/i;

export interface FileDropProps {
  /** The files kept so far, in the order they were added. */
  files: File[];
  onChange(files: File[]): void;
  /** Names the inputs (`${name}-files`, `${name}-camera`) so labels and tests can find them. */
  name: string;
  /** The component's name, for the zone's accessible label. */
  label: string;
  /** A message from the caller (e.g. a scan is required), shown beside the zone with its own. */
  error?: string;
  maxFiles?: number;
  maxBytes?: number;
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function FileDrop({ files, onChange, name, label, error, maxFiles = 10, maxBytes = MAX_SCAN_BYTES }: FileDropProps) {
  const [rejected, setRejected] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const mb = Math.round(maxBytes / 1024 / 1024);

  const add = (incoming: Iterable<File>) => {
    const problems: string[] = [];
    const kept = [...files];
    for (const file of incoming) {
      if (!SCAN_TYPES.has(file.type) && !SCAN_EXTENSION.test(file.name)) problems.push(t('ui.error.fileType', { name: file.name }));
      else if (file.size > maxBytes) problems.push(t('ui.error.fileSize', { name: file.name, mb }));
      else if (kept.length >= maxFiles) problems.push(t('ui.error.fileCount', { n: maxFiles }));
      else kept.push(file);
    }
    setRejected([...new Set(problems)]);
    if (kept.length !== files.length) onChange(kept);
  };

  const messages = [...(error ? [error] : []), ...rejected];
  const errorId = `${name}-files-error`;
  return (
    <div class="ui-file-drop">
      <div
        class={`ui-drop-zone${over ? ' ui-drop-over' : ''}`}
        role="group"
        aria-label={label}
        aria-describedby={messages.length ? errorId : undefined}
        data-drop={name}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          add(Array.from(event.dataTransfer?.files ?? []));
        }}
      >
        <span class="ui-drop-text">{t('ui.files.drop')}</span>
        <label class="ui-file-button">
          {t('ui.files.choose')}
          <input
            type="file"
            name={`${name}-files`}
            multiple
            accept="application/pdf,image/jpeg,image/png"
            onChange={(event) => {
              const input = event.currentTarget;
              add(Array.from(input.files ?? []));
              input.value = '';
            }}
          />
        </label>
        <label class="ui-file-button">
          {t('ui.files.camera')}
          <input
            type="file"
            name={`${name}-camera`}
            accept="image/*,application/pdf"
            capture="environment"
            onChange={(event) => {
              const input = event.currentTarget;
              add(Array.from(input.files ?? []));
              input.value = '';
            }}
          />
        </label>
        <span class="ui-hint">{t('ui.files.types', { mb })}</span>
      </div>
      {files.length > 0 && (
        <ul class="ui-file-list">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              <span class="ui-file-name">{file.name}</span> <span class="ui-hint">{sizeText(file.size)}</span>
              <button type="button" class="ui-remove" aria-label={t('ui.files.remove', { name: file.name })} onClick={() => onChange(files.filter((_, i) => i !== index))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {messages.length > 0 && (
        <p class="ui-field-error" id={errorId} role="alert">
          {messages.join(' · ')}
        </p>
      )}
    </div>
  );
}
