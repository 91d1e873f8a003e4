import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isClaimedTypeConsistent } from './claimed-type.ts';

describe('isClaimedTypeConsistent', () => {
  it('accepts a claim that names the sniffed type, allowing common aliases and parameters', () => {
    assert.equal(isClaimedTypeConsistent('image/png', 'image/png'), true);
    assert.equal(isClaimedTypeConsistent('image/jpg', 'image/jpeg'), true);
    assert.equal(isClaimedTypeConsistent('IMAGE/JPEG', 'image/jpeg'), true);
    assert.equal(isClaimedTypeConsistent('application/x-zip-compressed', 'application/zip'), true);
    assert.equal(isClaimedTypeConsistent('image/heif', 'image/heic'), true);
  });

  it('accepts logs, CSV and saved mail under any text-like or unknown claim', () => {
    for (const claimed of ['text/plain; charset=Shift_JIS', 'text/csv', 'message/rfc822', 'application/octet-stream', 'application/json', '']) {
      assert.equal(isClaimedTypeConsistent(claimed, 'text/plain'), true, claimed);
      assert.equal(isClaimedTypeConsistent(claimed, 'message/rfc822'), true, claimed);
    }
  });

  it('accepts office documents, which are zip containers', () => {
    assert.equal(isClaimedTypeConsistent('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'), true);
  });

  it('refuses a claim the bytes contradict', () => {
    assert.equal(isClaimedTypeConsistent('image/png', 'application/x-msdownload'), false);
    assert.equal(isClaimedTypeConsistent('image/png', 'text/plain'), false);
    assert.equal(isClaimedTypeConsistent('application/pdf', 'image/jpeg'), false);
    assert.equal(isClaimedTypeConsistent('text/plain', 'application/x-executable'), false);
    assert.equal(isClaimedTypeConsistent('text/plain', 'application/octet-stream'), false);
    assert.equal(isClaimedTypeConsistent('image/jpeg', 'application/octet-stream'), false);
    assert.equal(isClaimedTypeConsistent('application/vnd.ms-excel', 'application/zip'), false);
  });

  it('lets a claim of a type it cannot recognise stand when the bytes are unrecognised too', () => {
    assert.equal(isClaimedTypeConsistent('video/mp4', 'application/octet-stream'), true);
    assert.equal(isClaimedTypeConsistent('application/vnd.ms-outlook', 'application/octet-stream'), true);
  });
});
