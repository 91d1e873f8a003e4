import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock } from '#kernel/clock.ts';
import { createProofOfWork, leadingZeroBits, solveChallenge } from './proof-of-work.ts';

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    assert.equal(leadingZeroBits(Buffer.from([0, 0, 0x10])), 19);
    assert.equal(leadingZeroBits(Buffer.from([0x80])), 0);
    assert.equal(leadingZeroBits(Buffer.from([0x01])), 7);
  });

  it('is required only above the load threshold, and each solved challenge passes once', async () => {
    const clock = createManualClock();
    const pow = createProofOfWork({ key: () => Promise.resolve('k'), thresholdPerMinute: 3, difficultyBits: 8, now: clock.now });
    assert.equal(pow.isRequired(), false);
    for (let i = 0; i < 3; i += 1) pow.noteSubmission();
    assert.equal(pow.isRequired(), true);
    const issued = await pow.issue();
    assert.equal(issued.required, true);
    const nonce = solveChallenge(issued.challenge, issued.difficultyBits);
    assert.equal(await pow.verify(issued.challenge, nonce), true);
    assert.equal(await pow.verify(issued.challenge, nonce), false, 'replayed');
    clock.advanceMinutes(2);
    assert.equal(pow.isRequired(), false, 'load figure decays');
  });

  it('refuses forged, wrong and expired answers', async () => {
    const clock = createManualClock();
    const pow = createProofOfWork({ key: () => Promise.resolve('k'), thresholdPerMinute: 1, difficultyBits: 8, now: clock.now });
    const issued = await pow.issue();
    const nonce = solveChallenge(issued.challenge, 8);
    const forged = issued.challenge.replace(/^\d+\.8\./, (m) => m.replace('.8.', '.0.'));
    assert.equal(await pow.verify(forged, '0'), false);
    assert.equal(await pow.verify(issued.challenge, 'abc'), false);
    assert.equal(await pow.verify(undefined, nonce), false);
    clock.advanceMinutes(11);
    assert.equal(await pow.verify(issued.challenge, nonce), false);
  });
});
