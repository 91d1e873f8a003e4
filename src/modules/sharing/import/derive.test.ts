import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observablesOf } from './derive.ts';

const indicator = (pattern: string) => ({ type: 'indicator', pattern_type: 'stix', pattern });
const pairs = (object: Record<string, unknown>) => observablesOf(object).map((o) => `${o.type} ${o.value}`);

describe('observables named by imported STIX objects', () => {
  it('reads indicator patterns into canonical observables', () => {
    assert.deepEqual(pairs(indicator("[url:value = 'HTTPS://Evil.Example.NET/Login']")), ['url https://evil.example.net/Login']);
    assert.deepEqual(pairs(indicator("[file:hashes.'SHA-256' = '0000000000000000000000000000000000000000000000000000000000000003']")), [
      'sha256 0000000000000000000000000000000000000000000000000000000000000003',
    ]);
    assert.deepEqual(pairs(indicator("[ipv4-addr:value = '198.51.100.0/24']")), ['cidr 198.51.100.0/24']);
    assert.deepEqual(pairs(indicator('[autonomous-system:number = 13335]')), ['asn AS13335']);
    assert.deepEqual(pairs(indicator("[x-koban-bank-account:value = '0001-100-1-1234567']")), ['bank_account_jp 0001-100-1-1234567']);
    assert.deepEqual(pairs(indicator("[domain-name:value = 'a.example' AND domain-name:value = 'a.example']")), ['domain a.example']);
    assert.deepEqual(pairs(indicator("[file:name LIKE '%.exe']")), []);
    assert.deepEqual(pairs({ type: 'indicator', pattern_type: 'sigma', pattern: 'title: x' }), []);
  });

  it('reads cyber-observable objects, refusing values of the wrong type', () => {
    assert.deepEqual(pairs({ type: 'email-addr', value: 'Taro@Kakuu-Shoten.JP' }), ['email Taro@kakuu-shoten.jp']);
    assert.deepEqual(pairs({ type: 'x-koban-phone-number', value: '+81312345678' }), ['phone +81312345678']);
    assert.deepEqual(pairs({ type: 'ipv4-addr', value: 'not an address' }), []);
    assert.deepEqual(pairs({ type: 'file', hashes: { MD5: 'D41D8CD98F00B204E9800998ECF8427E', 'SHA-1': 'zz' } }), ['md5 d41d8cd98f00b204e9800998ecf8427e']);
  });
});
