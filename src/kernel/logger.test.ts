import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './logger.ts';

describe('JSON logs', () => {
  it('redact passwords, tokens, TOTP codes, cookies and authorization headers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    logger.info(
      { body: { password: 'hunter2hunter2', code: '123456' }, req: { headers: { authorization: 'Bearer kbn_secret', cookie: 'koban_session=abc' } } },
      'login',
    );
    const entry = JSON.parse(lines[0] ?? '{}');
    assert.equal(entry.body.password, '[redacted]');
    assert.equal(entry.body.code, '[redacted]');
    assert.equal(entry.req.headers.authorization, '[redacted]');
    assert.equal(entry.req.headers.cookie, '[redacted]');
    assert.equal(entry.msg, 'login');
    assert.ok(!lines.join('').includes('hunter2'));
  });
});
