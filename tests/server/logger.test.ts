/** Secrets never reach a log line, however deep the logged object holds them. */
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../server/src/logger';

function capture(): { logger: ReturnType<typeof createLogger>; lines: () => string } {
  let out = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ destination: destination as never }), lines: () => out };
}

describe('the logger', () => {
  it('redacts passwords, tokens, authorization headers and connection strings up to three objects deep', () => {
    // given a logger writing into memory
    const { logger, lines } = capture();
    // when objects holding secrets at several depths are logged
    logger.info(
      { password: 'p0', body: { user: { password: 'p3-hunter2' } }, req: { headers: { authorization: 'Bearer tok-123' } }, uri: 'mongodb://u:pw@host' },
      'request',
    );
    // then none of the secrets appear and the redaction is visible
    const text = lines();
    for (const secret of ['p0', 'p3-hunter2', 'tok-123', 'u:pw']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
