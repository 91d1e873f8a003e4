import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { leadingZeroBits, solveProofOfWork } from './proofOfWork.ts';

describe('M2.1a public portal proof of work (browser side)', () => {
  it('counts leading zero bits across bytes', () => {
    assert.equal(leadingZeroBits(new Uint8Array([0x80])), 0);
    assert.equal(leadingZeroBits(new Uint8Array([0x01])), 7);
    assert.equal(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x3f])), 18);
    assert.equal(leadingZeroBits(new Uint8Array([0x00, 0x00])), 16);
  });

  it('finds a nonce the server accepts: SHA-256 of "challenge:nonce" has enough zero bits', async () => {
    const challenge = '1767225600000.12.abc.mac';
    const nonce = await solveProofOfWork(challenge, 12);
    assert.match(nonce, /^\d+$/);
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    assert.ok(leadingZeroBits(digest) >= 12);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('left the page'));
    await assert.rejects(solveProofOfWork('x', 30, controller.signal), /left the page/);
  });
});
