import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIPv4, parseIPv4 } from './ipv4.ts';

test('parseIPv4 is strict', () => {
  assert.equal(parseIPv4('8.8.8.8'), 134744072);
  assert.equal(parseIPv4('255.255.255.255'), 4294967295);
  assert.equal(parseIPv4('0.0.0.0'), 0);
  assert.equal(formatIPv4(parseIPv4('203.0.113.254')), '203.0.113.254');
  for (const bad of ['1.2.3', '1.2.3.4.5', '01.2.3.4', '256.1.1.1', '1..2.3', '1.2.3.', 'a.b.c.d', '']) assert.equal(parseIPv4(bad), -1, bad);
});
