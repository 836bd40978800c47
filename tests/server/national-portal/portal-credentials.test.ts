/** NATIONAL_PORTAL_CREDENTIALS: who may sign the portal's dossiers, refused at start when it cannot be trusted. */
import { describe, expect, it } from 'vitest';
import { parsePortalCredentials } from '../../../server/src/national-portal/portal-credentials';

const SECRET = 'portal-secret-0123456789-abcdefghijkl';

describe('national portal credentials', () => {
  it('reads several credentials, so a secret can be rotated without a gap, and none when unset', () => {
    // given / when / then
    expect(parsePortalCredentials(`dvcqg-2025:${SECRET}, dvcqg-2026:${SECRET}x`)).toEqual([
      { id: 'dvcqg-2025', secret: SECRET },
      { id: 'dvcqg-2026', secret: `${SECRET}x` },
    ]);
    expect(parsePortalCredentials(undefined)).toEqual([]);
    expect(parsePortalCredentials('  ')).toEqual([]);
  });

  it.each([
    ['a short secret', 'dvcqg:short-secret', 'NATIONAL_PORTAL_CREDENTIALS[0] (dvcqg): the secret must have at least 32 characters'],
    ['no id', `:${SECRET}`, 'NATIONAL_PORTAL_CREDENTIALS[0] must be "<id>:<secret>" with a plain id'],
    ['no separator', SECRET, 'NATIONAL_PORTAL_CREDENTIALS[0] must be "<id>:<secret>" with a plain id'],
    ['an id twice', `a:${SECRET},a:${SECRET}`, 'NATIONAL_PORTAL_CREDENTIALS names a credential id twice'],
  ])('refuses to start with %s, never repeating the secret', (_case, value, message) => {
    // when / then
    expect(() => parsePortalCredentials(value)).toThrow(message);
    try {
      parsePortalCredentials(value);
    } catch (error) {
      expect((error as Error).message).not.toContain(SECRET);
    }
  });
});
