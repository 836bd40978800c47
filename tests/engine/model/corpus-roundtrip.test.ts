import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../../engine/src/model/index';
import { failedCorpusFiles, hasCorpus, parsedCorpusFiles, readCorpusFile, type CorpusFile } from './corpus';

/** Element names (ELEMENT_INDEX.tsv) the engine does not execute. */
const UNSUPPORTED = ['complexGateway', 'adHocSubProcess', 'choreography', 'choreographyTask'];

if (!hasCorpus) {
  console.log('skipped: no corpus');
  describe.skip('corpus round-trip through parseProcedure', () => {
    it('needs the corpus at BPMN_CORPUS or ../shared/corpus', () => undefined);
  });
} else {
  const files = parsedCorpusFiles();
  const bySource = new Map<string, CorpusFile[]>();
  for (const file of files) bySource.set(file.source, [...(bySource.get(file.source) ?? []), file]);

  describe('corpus round-trip through parseProcedure', () => {
    it('finds the files bpmn-moddle parses in PARSE_RESULTS.tsv', () => {
      // then: 2,158 files, minus 12 failures, minus the *.part.bpmn fragments
      expect(files.length).toBeGreaterThan(2000);
    });

    for (const [source, sourceFiles] of bySource) {
      it(`parses every ${source} file into a definition without throwing, reporting unsupported elements as issues`, async () => {
        // given
        const failures: string[] = [];
        let withUnsupported = 0;
        // when
        for (const { file, elements } of sourceFiles) {
          try {
            const { definition, issues } = await parseProcedure(readCorpusFile(file));
            if (!definition) failures.push(`${file}: no definition (${issues.map((issue) => issue.message).join('; ')})`);
            const unsupported = UNSUPPORTED.filter((name) => elements.has(name));
            if (unsupported.length > 0) withUnsupported += 1;
            if (unsupported.length > 0 && !issues.some((issue) => issue.code === 'UNSUPPORTED_ELEMENT')) {
              failures.push(`${file}: uses ${unsupported.join(', ')} but has no UNSUPPORTED_ELEMENT issue`);
            }
          } catch (error) {
            failures.push(`${file}: threw ${(error as Error).stack ?? String(error)}`);
          }
        }
        // then
        console.log(`${source}: ${sourceFiles.length} files parsed, ${withUnsupported} using unsupported elements`);
        expect(failures).toEqual([]);
      }, 180_000);
    }

    it('reports the documents bpmn-moddle cannot read as NOT_BPMN or XML_NOT_WELL_FORMED instead of throwing', async () => {
      // given
      const files = failedCorpusFiles();
      // when
      const results = await Promise.all(files.map(async (file) => ({ file, ...(await parseProcedure(readCorpusFile(file))) })));
      // then
      expect(files.length).toBeGreaterThan(0);
      for (const { file, definition, issues } of results) {
        expect(definition, file).toBeUndefined();
        expect(issues.map((issue) => issue.code), file).toEqual([expect.stringMatching(/^(NOT_BPMN|XML_NOT_WELL_FORMED)$/)]);
      }
    });
  });
}
