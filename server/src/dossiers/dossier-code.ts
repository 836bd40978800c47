/**
 * @module dossier-code — dossier codes per the national pattern `<agency id>-yyMMdd-<4-digit daily sequence>`
 * (DOMAIN.md: `000.00.64.H10-230515-0011`), the date being the receipt day in Vietnam (UTC+7).
 */
import type { DossierStore } from '../stores';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `yyMMdd` of the instant's calendar day in Vietnam. */
export function vietnamDayStamp(at: number): string {
  const local = new Date(at + VIETNAM_OFFSET_MS);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/** Formats a dossier code; the sequence has at least four digits (a 10,000th dossier of the day gets five). */
export function formatDossierCode(agencyId: string, at: number, sequence: number): string {
  return `${agencyId}-${vietnamDayStamp(at)}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Takes the next code of the agency's day for dossier `dossierId` from the store's atomic sequence: unique under
 * concurrency, the same for every attempt of one receipt, and committed outside the receipt's unit of work (pass the
 * stores' own dossier store, not the transaction's).
 */
export async function nextDossierCode(dossiers: DossierStore, agencyId: string, at: number, dossierId: string): Promise<string> {
  const prefix = `${agencyId}-${vietnamDayStamp(at)}`;
  const sequence = await dossiers.nextSequence(prefix, dossierId);
  return formatDossierCode(agencyId, at, sequence);
}

/** Parses a code back into its parts; undefined when it does not follow the pattern. */
export function parseDossierCode(code: string): { agencyId: string; day: string; sequence: number } | undefined {
  const match = /^(.+)-(\d{6})-(\d{4,})$/.exec(code);
  if (!match) return undefined;
  return { agencyId: match[1]!, day: match[2]!, sequence: Number(match[3]) };
}
