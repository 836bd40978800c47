/**
 * A refusal said in the interface's language (issue 16, item 4): a head of unit who tries to deploy reads why in
 * Vietnamese, never the server's "A headOfUnit may not procedure.deploy.".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../modeler/src/api/api-client';
import { problemMessage } from '../../modeler/src/workspaces/common/problem-message';

const refusal = () => new ApiProblem({ status: 403, code: 'FORBIDDEN', detail: 'A headOfUnit may not procedure.deploy.' });
const inLanguage = (language: string | null) => vi.stubGlobal('localStorage', { getItem: () => language, setItem: () => undefined, removeItem: () => undefined });

describe('a refused deploy in words', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says in Vietnamese that the account may not do this, without the server’s English', () => {
    // given the Vietnamese interface
    inLanguage(null);
    // when the server refuses a deploy with 403 FORBIDDEN
    const message = problemMessage(refusal());
    // then the sentence is Vietnamese and fits any action, not only a dossier's
    expect(message).toBe('Không có quyền thực hiện: tài khoản của bạn không có quyền thực hiện việc này');
    expect(message).not.toMatch(/headOfUnit|procedure\.deploy|may not/);
  });

  it('keeps the server’s detail in the English interface', () => {
    inLanguage('en');
    expect(problemMessage(refusal())).toBe('Not allowed: A headOfUnit may not procedure.deploy.');
  });
});
