/** @module corpus — where the external BPMN corpus is and which of its files bpmn-moddle parses (PARSE_RESULTS.tsv). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const corpusDir = process.env.BPMN_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');

export const hasCorpus = existsSync(path.join(corpusDir, 'PARSE_RESULTS.tsv'));

export interface CorpusFile {
  /** Path relative to the corpus root, e.g. `bpmn-js/test/fixtures/bpmn/simple.bpmn`. */
  file: string;
  source: string;
  status: string;
  /** `roundtrip_plain` of PARSE_RESULTS.tsv: `same-element-count` when bpmn-moddle's export re-imported equal. */
  roundtrip: string;
  /** Element local names from ELEMENT_INDEX.tsv. */
  elements: Set<string>;
}

function readTsv(name: string): string[][] {
  return readFileSync(path.join(corpusDir, name), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

/** Files bpmn-moddle parsed as `bpmn:Definitions` (status not `fail`); `*.part.bpmn` fragments are left out. */
export function parsedCorpusFiles(): CorpusFile[] {
  const elementsByFile = new Map(readTsv('ELEMENT_INDEX.tsv').map(([file, elements]) => [file, new Set((elements ?? '').split(','))]));
  return readTsv('PARSE_RESULTS.tsv')
    .filter(([file, status]) => status !== 'fail' && !file.endsWith('.part.bpmn'))
    .map(([file, status, , roundtrip]) => ({ file, status, roundtrip, source: file.slice(0, file.indexOf('/')), elements: elementsByFile.get(file) ?? new Set() }));
}

/** Files bpmn-moddle could not parse as `bpmn:Definitions` (status `fail`), fragments left out. */
export function failedCorpusFiles(): string[] {
  return readTsv('PARSE_RESULTS.tsv')
    .filter(([file, status]) => status === 'fail' && !file.endsWith('.part.bpmn'))
    .map(([file]) => file);
}

export function readCorpusFile(file: string): string {
  return readFileSync(path.join(corpusDir, file), 'utf8');
}
