import { describe, expect, it } from 'vitest';
import { exportProcedureXml, parseProcedure, readXmlInventory, roundTripXml } from '../../../engine/src/model/index';
import { hasCorpus, parsedCorpusFiles, readCorpusFile, type CorpusFile } from './corpus';
import { readFixture } from './read-fixture';

describe('exportProcedureXml keeps foreign extensions', () => {
  it('writes back camunda:in/out elements and camunda attributes of a fixture', async () => {
    // given
    const xml = readFixture('ordinary-elements.bpmn');
    // when
    const exported = await exportProcedureXml(xml);
    // then
    expect(exported).toContain('<camunda:in source="dossierCode" target="code" />');
    expect(exported).toContain('<camunda:in variables="all" />');
    expect(exported).toContain('camunda:resultVariable="notified"');
    expect(await readXmlInventory(exported)).toEqual(await readXmlInventory(xml));
  });

  it('writes back our lt: extensions so that the re-parsed definition is the same', async () => {
    // given
    const xml = readFixture('three-lane-procedure.bpmn');
    // when
    const exported = await exportProcedureXml(xml);
    // then
    expect(exported).toContain('<lt:procedure procedureCode="1.009999"');
    expect((await parseProcedure(exported)).definition).toEqual((await parseProcedure(xml)).definition);
  });

  it('rejects a document that is not BPMN with PROCEDURE_INVALID', async () => {
    // given
    const xml = '<definitions xmlns="http://schema.omg.org/spec/BPMN/2.0"/>';
    // when / then
    await expect(exportProcedureXml(xml)).rejects.toMatchObject({ code: 'PROCEDURE_INVALID' });
  });
});

if (!hasCorpus) {
  console.log('skipped: no corpus');
  describe.skip('corpus foreign extensions round-trip', () => {
    it('needs the corpus at BPMN_CORPUS or ../shared/corpus', () => undefined);
  });
} else {
  // Files bpmn-moddle itself exports and re-imports with the same element count (PARSE_RESULTS.tsv `roundtrip_plain`)
  // and that declare a namespace other than OMG's and W3C's, i.e. may carry foreign extensions.
  const foreignNamespace = /xmlns:[\w.-]+\s*=\s*["'](?!http:\/\/www\.omg\.org\/|http:\/\/www\.w3\.org\/)/;
  const files = parsedCorpusFiles().filter((file) => file.roundtrip === 'same-element-count' && foreignNamespace.test(readCorpusFile(file.file)));
  const bySource = new Map<string, CorpusFile[]>();
  for (const file of files) bySource.set(file.source, [...(bySource.get(file.source) ?? []), file]);

  describe('corpus foreign extensions round-trip', () => {
    for (const [source, sourceFiles] of bySource) {
      it(`keeps every foreign element, id, type and attribute of the ${source} files through exportProcedureXml`, async () => {
        // given
        const losses: string[] = [];
        let withForeignContent = 0;
        // when
        for (const { file } of sourceFiles) {
          const { before, after } = await roundTripXml(readCorpusFile(file));
          if (before.foreignTypes.length > 0 || Object.keys(before.foreignAttributes).length > 0) withForeignContent += 1;
          if (after.elementCount !== before.elementCount) losses.push(`${file}: ${before.elementCount} elements before, ${after.elementCount} after`);
          if (after.foreignTypes.join() !== before.foreignTypes.join()) losses.push(`${file}: foreign elements differ`);
          if (after.idsWithTypes.join() !== before.idsWithTypes.join()) losses.push(`${file}: (id, type) pairs differ`);
          if (JSON.stringify(after.foreignAttributes) !== JSON.stringify(before.foreignAttributes)) losses.push(`${file}: foreign attributes differ`);
        }
        // then
        console.log(`${source}: ${sourceFiles.length} files with foreign namespaces round-tripped, ${withForeignContent} with foreign elements or attributes`);
        expect(withForeignContent).toBeGreaterThan(0);
        expect(losses).toEqual([]);
      }, 180_000);
    }
  });
}
