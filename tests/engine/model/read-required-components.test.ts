/**
 * The components of the dossier (`lt:component` in `lt:procedure`) as the engine reads them into
 * `ProcedureMetadata.components`, the problems it reports, and their survival through an export.
 */
import { describe, expect, it } from 'vitest';
import { exportProcedureXml, parseProcedure, roundTripXml } from '../../../engine/src/model/index';
import { readFixture } from './read-fixture';

describe('the components of the dossier (lt:component)', () => {
  it('reads each component in the order the procedure lists them, with copy type, quantity, condition and legal basis', async () => {
    // given a procedure listing three components
    const xml = readFixture('procedure-components.bpmn');
    // when it is parsed
    const { definition, issues } = await parseProcedure(xml);
    // then the components are plain data, in document order, and nothing is reported
    expect(issues).toEqual([]);
    expect(definition?.procedure?.components).toEqual([
      { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', copyType: 'electronic', quantity: 1, required: true, legalBasis: 'Khoản 1 Điều 16 Luật Hộ tịch 2014' },
      { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', copyType: 'original', quantity: 2, required: true, legalBasis: 'Khoản 1 Điều 16 Luật Hộ tịch 2014' },
      { id: 'van-ban-uy-quyen', name: 'Văn bản ủy quyền', copyType: 'certifiedCopy', quantity: 1, required: false, condition: 'Khi người khác nộp thay' },
    ]);
  });

  it('leaves components out of the metadata when the procedure lists none', async () => {
    // given a procedure with no lt:component
    const { definition } = await parseProcedure(readFixture('three-lane-procedure.bpmn'));
    // then there is no empty list to mistake for "nothing to bring"
    expect(definition?.procedure).not.toHaveProperty('components');
  });

  it('reports a missing id or name, a duplicate id, an unknown copy type, a bad quantity and a bad required flag, naming each component', async () => {
    // given a list with one problem of each kind
    const { definition, issues } = await parseProcedure(readFixture('procedure-components-invalid.bpmn'));
    // then every problem is a procedure-metadata error on the definitions, naming the component it is about
    expect(issues.every((issue) => issue.code === 'PROCEDURE_METADATA_INVALID' && issue.severity === 'error')).toBe(true);
    expect(issues.every((issue) => issue.elementId === 'definitions-components-invalid')).toBe(true);
    const messages = issues.map((issue) => issue.message);
    expect(messages).toEqual([
      expect.stringMatching(/component 2 "Giấy chứng sinh", with no id$/),
      expect.stringMatching(/component 3 \(ban-sao\), with no name/),
      expect.stringMatching(/component 4 \(to-khai\) "Tờ khai lần hai", whose id "to-khai" is used by an earlier component$/),
      expect.stringMatching(/component 5 \(cccd\) "Căn cước", with unknown copyType "scan"; expected original, certifiedCopy, copy, electronic$/),
      expect.stringMatching(/component 5 \(cccd\) "Căn cước", with quantity "0" that is not a whole number from 1 to 99$/),
      expect.stringMatching(/component 5 \(cccd\) "Căn cước", with required "yes"; expected true or false$/),
      expect.stringMatching(/component 6 \(anh\) "Ảnh", with quantity "1.5"/),
    ]);
    // and the usable components are kept, with defaults where a value was unusable
    expect(definition?.procedure?.components?.map((component) => [component.id, component.copyType, component.quantity, component.required])).toEqual([
      ['to-khai', 'original', 1, true],
      ['cccd', 'original', 1, true],
      ['anh', 'original', 1, true],
    ]);
  });

  it('keeps every lt:component and the e-form through an export, as the modeler saves them with the same descriptor', async () => {
    // given the procedure with its components
    const xml = readFixture('procedure-components.bpmn');
    // when it is exported and read back
    const roundTrip = await roundTripXml(xml);
    const exported = await exportProcedureXml(xml);
    const reread = await parseProcedure(exported);
    // then nothing was lost and the components read the same
    expect(roundTrip.after).toEqual(roundTrip.before);
    expect(exported.match(/<lt:component /g)).toHaveLength(3);
    expect(reread.definition?.procedure?.components).toEqual((await parseProcedure(xml)).definition?.procedure?.components);
    expect(reread.definition?.procedure?.formSchema).toBe((await parseProcedure(xml)).definition?.procedure?.formSchema);
  });
});
