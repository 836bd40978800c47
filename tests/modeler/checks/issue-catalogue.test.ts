/**
 * The issue catalogue (issue 16): every finding is worded from its code in the interface's language, filled with its
 * details and the element's name; the server's English sentence is never shown in the Vietnamese interface.
 */
import { describe, expect, it } from 'vitest';
import { issueCatalogue, issueMessage } from '../../../modeler/src/modeler/checks/issue-catalogue';

const serverMessage = 'User task "Thẩm định" (Task_1) is routed to agency so-x with no department, where no enabled official works';

describe('the issue catalogue', () => {
  it('words a server finding from its code in Vietnamese, never with the server’s English sentence', () => {
    // when the server reports an unreachable unit
    const message = issueMessage({ elementId: 'Task_1', code: 'UNIT_UNREACHABLE', serverMessage }, 'vi', 'Thẩm định');
    // then the Vietnamese interface says it from the catalogue
    expect(message).toBe(issueCatalogue.UNIT_UNREACHABLE.vi);
    expect(message).not.toContain('routed');
  });

  it('fills a wording’s details and the element’s name, and picks the finding’s variant', () => {
    // when the browser reports an undeployed callee, an empty condition and a process without a start event
    expect(issueMessage({ elementId: 'Call_1', code: 'CALL_ACTIVITY_NOT_DEPLOYED', params: { key: 'cap-the-bhyt' } }, 'vi')).toBe('Thủ tục «cap-the-bhyt» chưa được triển khai.');
    expect(issueMessage({ elementId: 'Flow_1', code: 'CONDITION_INVALID', variant: 'empty' }, 'vi')).toBe('Điều kiện đang để trống.');
    expect(issueMessage({ elementId: 'Process_1', code: 'NO_START_EVENT' }, 'vi', 'Chứng thực bản sao')).toBe('Quy trình «Chứng thực bản sao» chưa có sự kiện bắt đầu.');
    // then the English interface has the same finding in English
    expect(issueMessage({ elementId: 'Process_1', code: 'NO_START_EVENT' }, 'en', 'Chứng thực bản sao')).toBe('Process «Chứng thực bản sao» has no start event.');
  });

  it('says a code it does not know by its code in Vietnamese, and with the server’s sentence in English', () => {
    // given a code a newer server may answer
    const issue = { elementId: 'Task_1', code: 'SOMETHING_NEW', serverMessage };
    // then Vietnamese names the code, English shows the server's words
    expect(issueMessage(issue, 'vi')).toBe('Có lỗi ở phần tử này (mã SOMETHING_NEW).');
    expect(issueMessage(issue, 'en')).toBe(serverMessage);
  });

  it('has a Vietnamese and an English wording for every code and variant, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [code, entry] of Object.entries(issueCatalogue)) {
      for (const wording of [entry, ...Object.values(entry.variants ?? {})]) {
        expect(wording.vi, code).not.toBe('');
        expect(wording.vi, code).not.toBe(wording.en);
        expect(placeholders(wording.vi), code).toEqual(placeholders(wording.en));
      }
    }
  });
});
