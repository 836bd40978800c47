/**
 * What changed between two versions of a procedure (issue 16), worded in Vietnamese from the engine's reading of both:
 * the construction permit as shipped against versions with a step added, a step removed with its flows, and a step
 * moved to another unit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../procedures/support/library';
import { diffVersions } from '../../modeler/src/modeler/version-diff';

const KEY = 'cap-giay-phep-xay-dung-nha-o';
const agencies = [{ id: 'so-xay-dung', name: 'Sở Xây dựng', departments: [{ id: 'phong-quy-hoach', name: 'Phòng Quy hoạch' }] }];

/** The interface's language is read from localStorage: Vietnamese, as in a browser that never chose. */
beforeAll(() => {
  const stored = new Map<string, string>();
  Object.assign(globalThis, { localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) } });
});

describe('the difference between two versions', () => {
  it('says nothing changed between a version and itself', async () => {
    expect(await diffVersions(readModel(KEY), readModel(KEY))).toEqual([]);
  });

  it('lists a step removed with its flows, and a step moved to another unit', async () => {
    // given a second version: the review step sent to the province's planning office, a new check step between
    // receiving and the first gateway, and the citizen's supplement step gone (its flows with it)
    const older = readModel(KEY);
    const newer = older
      .replace(/(<bpmn:userTask id="task-review"[^>]*>\s*<bpmn:extensionElements>)/, '$1<lt:assignment agency="so-xay-dung" department="phong-quy-hoach" />')
      .replace(/<bpmn:receiveTask id="task-wait-supplement"[\s\S]*?<\/bpmn:receiveTask>/, '')
      .replace(/<bpmn:sequenceFlow id="[^"]*" [^>]*(?:sourceRef|targetRef)="task-wait-supplement"[^>]*?(?:\/>|>[\s\S]*?<\/bpmn:sequenceFlow>)/g, '');
    expect(newer).not.toBe(older);
    // when the two are compared
    const changes = await diffVersions(older, newer, agencies);
    // then the unit change is a change, the removed step and its flows removals
    expect(changes.filter((change) => change.kind === 'changed').map((change) => change.text)).toEqual([
      expect.stringMatching(/^Bước «Thẩm định hồ sơ, kiểm tra thực địa»: đơn vị xử lý .+ → Phòng Quy hoạch, Sở Xây dựng$/),
    ]);
    const removed = changes.filter((change) => change.kind === 'removed').map((change) => change.text);
    expect(removed[0]).toBe('Bỏ bước «Chờ công dân bổ sung hồ sơ»');
    expect(removed.slice(1)).toEqual(['Bỏ luồng «Kết quả thẩm định?» → «Chờ công dân bổ sung hồ sơ»', 'Bỏ luồng «Chờ công dân bổ sung hồ sơ» → «gateway-review-merge»']);
    expect(changes.filter((change) => change.kind === 'added')).toEqual([]);
  });

  it('words a step added with its budget and its unit', async () => {
    // given a version with one more step than the other
    const newer = readModel(KEY);
    const older = newer.replace(/<bpmn:userTask id="task-receive"[\s\S]*?<\/bpmn:userTask>/, '');
    // when they are compared, older first
    const changes = await diffVersions(older, newer, agencies);
    // then the step is added with its budget
    expect(changes[0]).toEqual({ kind: 'added', text: expect.stringMatching(/^Thêm bước «Tiếp nhận hồ sơ» \(thời hạn 1 ngày làm việc; .+\)$/) });
  });
});
