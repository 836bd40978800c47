import { describe, expect, it } from 'vitest';
import { createAccessTestApp } from './access-test-app';

describe('the OpenAPI document', () => {
  it('describes sign-in and me, with their problem answers and the bearer scheme', async () => {
    // given
    const { app } = await createAccessTestApp();
    app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'test', version: '0' } });
    // when
    const response = await app.request('/api/openapi.json');
    // then
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(Object.keys(document.paths['/api/auth/sign-in'].post.responses)).toEqual(['200', '400', '401', '403', '429']);
    expect(document.paths['/api/auth/sign-in'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SignIn' });
    expect(document.paths['/api/auth/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(document.components.schemas.User.properties).not.toHaveProperty('passwordHash');
  });
});
