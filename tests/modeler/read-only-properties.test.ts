/**
 * A deployed version's element properties, read-only (issue 16, item 4): a step's budget, nearly-due warning,
 * agency and escalation ladder, and the procedure's metadata, as labelled lines in Vietnamese.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import lienthongDescriptor from '../../engine/src/model/lienthong-descriptor.json';
import { describeElement } from '../../modeler/src/modeler/read-only-properties';
import type { ModdleObject } from '../../modeler/src/modeler/properties/extension-elements';

const KEY = 'cap-giay-phep-xay-dung-nha-o';
const xml = readFileSync(fileURLToPath(new URL(`../../procedures/${KEY}/${KEY}.bpmn`, import.meta.url)), 'utf8');
const agencies = [{ id: 'ubnd-xa-demo', name: 'Ủy ban nhân dân xã Demo', departments: [{ id: 'kinh-te-ha-tang-do-thi', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' }] }];

describe('the read-only properties of a deployed element', () => {
  let elements: Record<string, ModdleObject>;

  beforeAll(async () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
    const moddle = new BpmnModdle({ lt: lienthongDescriptor });
    const { elementsById } = await moddle.fromXML(xml);
    elements = elementsById as unknown as Record<string, ModdleObject>;
  });

  it('reads a step’s kind, name, budget and nearly-due warning, and the agency it inherits from its lane', () => {
    // when the review step is described
    const lines = describeElement(elements['task-review']!, agencies);
    // then its budget reads in working days and its agency comes from its lane
    const read = Object.fromEntries(lines.map((line) => [line.label, line.value]));
    expect(read['Loại']).toBe('Bước xử lý (người thực hiện)');
    expect(read['Tên']).toBe('Thẩm định hồ sơ, kiểm tra thực địa');
    expect(read['Thời hạn bước xử lý']).toBe('10 ngày làm việc');
    expect(read['Cơ quan']).toBe('— theo làn: Ủy ban nhân dân xã Demo');
    expect(read['Cảnh báo sắp đến hạn']).toMatch(/giờ làm việc trước hạn|% thời hạn/);
  });

  it('reads the procedure’s metadata on its pool: name, code, statutory deadline, lead agency and supplement policy', () => {
    // when the pool is described
    const read = Object.fromEntries(describeElement(elements['participant-giay-phep-xay-dung']!, agencies).map((line) => [line.label, line.value]));
    // then the procedure's own fields are there, agencies by name
    expect(read['Tên thủ tục']).toBe('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ');
    expect(read['Mã TTHC']).toBe('1.009994');
    expect(read['Thời hạn giải quyết theo quy định']).toBe('15 ngày làm việc');
    expect(read['Cơ quan chủ trì']).toBe('Ủy ban nhân dân xã Demo');
    expect(read['Khi yêu cầu bổ sung hồ sơ']).toBe('Tạm dừng tính thời hạn');
  });

  it('says a step without a budget has none, rather than leaving the line out', async () => {
    // given a user task with no lt:budget
    const moddle = new BpmnModdle({ lt: lienthongDescriptor });
    const bare = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P"><bpmn:userTask id="Task_1" name="Bước mới" /></bpmn:process></bpmn:definitions>';
    const task = (await moddle.fromXML(bare)).elementsById.Task_1 as unknown as ModdleObject;
    // then its budget line says "không có"
    expect(describeElement(task, [])).toContainEqual({ label: 'Thời hạn bước xử lý', value: 'không có' });
  });
});
