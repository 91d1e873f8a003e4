import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffType } from './sniff-type.ts';

const bytes = (...values: number[]) => Buffer.from(values);
const text = (value: string) => Buffer.from(value, 'utf8');

// Deterministic noise (a linear congruential generator) so the test never depends on luck.
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let state = 12345;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    out[index] = state >> 16;
  }
  return out;
}

describe('sniffType', () => {
  it('recognises images by their magic bytes', () => {
    assert.equal(sniffType(Buffer.concat([bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), noise(64)])), 'image/png');
    assert.equal(sniffType(Buffer.concat([bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), text('JFIF')])), 'image/jpeg');
    assert.equal(sniffType(text('GIF89a\x01\x00\x01\x00')), 'image/gif');
    assert.equal(sniffType(Buffer.concat([text('RIFF'), bytes(0x24, 0, 0, 0), text('WEBPVP8 ')])), 'image/webp');
    assert.equal(sniffType(Buffer.concat([bytes(0, 0, 0, 0x18), text('ftypheic'), bytes(0, 0, 0, 0), text('mif1heic')])), 'image/heic');
    assert.equal(sniffType(Buffer.concat([bytes(0, 0, 0, 0x1c), text('ftypmif1'), bytes(0, 0, 0, 0)])), 'image/heic');
  });

  it('recognises documents, archives and executables', () => {
    assert.equal(sniffType(text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj')), 'application/pdf');
    assert.equal(sniffType(Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), noise(32)])), 'application/zip');
    assert.equal(sniffType(Buffer.concat([bytes(0x1f, 0x8b, 0x08, 0), noise(32)])), 'application/gzip');
    assert.equal(sniffType(Buffer.concat([text('MZ'), bytes(0x90, 0, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff), noise(64)])), 'application/x-msdownload');
    assert.equal(sniffType(Buffer.concat([bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01), noise(64)])), 'application/x-executable');
  });

  it('takes UTF-8 Japanese text, even cut mid-character at the end of the head, as text/plain', () => {
    const consultation = text('2026年11月26日 相談記録\r\n被害者は「振込先の口座番号を教えてほしい」と言われた。\r\n');
    assert.equal(sniffType(consultation), 'text/plain');
    assert.equal(sniffType(consultation.subarray(0, consultation.length - 19)), 'text/plain');
    assert.equal(sniffType(text('timestamp,src_ip,dst_port\n2026-11-26T10:00:00Z,192.0.2.1,445\n')), 'text/plain');
  });

  it('takes Shift_JIS and ISO-2022-JP Japanese text as text/plain', () => {
    const shiftJis = Buffer.from('918a926b8b4c985e3a90558d9e90e682cc8cfb8dc094d48d8682f08bb382a682c482d982b582a282c68cbe82ed82ea82bd8142c3bdc40d0a', 'hex');
    assert.equal(new TextDecoder('shift_jis').decode(shiftJis), '相談記録:振込先の口座番号を教えてほしいと言われた。ﾃｽﾄ\r\n');
    assert.equal(sniffType(shiftJis), 'text/plain');
    assert.equal(sniffType(Buffer.from('\x1b$B$3$s$K$A$O\x1b(B\r\n', 'latin1')), 'text/plain');
  });

  it('takes the head of a stored mail message (.eml) as message/rfc822', () => {
    const eml = [
      'Return-Path: <info@example-bank.test>',
      'Received: from mx.example-bank.test (mx.example-bank.test [192.0.2.25])',
      '\tby mail.example.jp with ESMTP id 4F2A1; Thu, 26 Nov 2026 10:00:00 +0900',
      'From: =?UTF-8?B?5LiJ6I+x?= <info@example-bank.test>',
      'Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=',
      'MIME-Version: 1.0',
      '',
      'body',
    ].join('\r\n');
    assert.equal(sniffType(text(eml)), 'message/rfc822');
    assert.equal(sniffType(text(`From info@example-bank.test Thu Nov 26 10:00:00 2026\n${eml}`)), 'message/rfc822');
    assert.equal(sniffType(text('Subject: notes from the meeting\n\nWe talked about the case.')), 'text/plain');
  });

  it('gives application/octet-stream for bytes it cannot name', () => {
    assert.equal(sniffType(noise(4096)), 'application/octet-stream');
    assert.equal(sniffType(noise(48)), 'application/octet-stream');
    assert.equal(sniffType(bytes(0x41, 0x42, 0x00, 0x43)), 'application/octet-stream');
  });
});
