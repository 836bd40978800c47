import { describe, expect, it } from 'vitest';
import { toDocumentResponse } from '../../../server/src/documents/document-response';
import { renderReceiptSlip } from '../../../server/src/documents/receipt-slip';
import { createAccessTestApp } from '../access/access-test-app';
import { receiptSlip } from './form-fixtures';

describe('a printable form served over HTTP', () => {
  it('is HTML that is not cached and keeps its own script-free CSP under the app-wide security headers', async () => {
    // given
    const { app } = await createAccessTestApp({
      extra: (routes) => {
        routes.get('/api/dossiers/:id/forms/01', () => toDocumentResponse(renderReceiptSlip(receiptSlip)));
      },
    });
    // when
    const response = await app.request('/api/dossiers/d1/forms/01');
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  });
});
