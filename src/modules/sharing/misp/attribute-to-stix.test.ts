import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patternValues, scoValues } from '../stix/observables.ts';
import { validateStixBundle } from '../stix/validate.ts';
import { mispEventToStix } from './event-to-stix.ts';

const OPTIONS = { defaultTlp: 'amber', identityId: 'identity--0b5c6f2e-1d3a-4c8b-9e7f-2a1b3c4d5e6f' } as const;

/** What one attribute becomes: the observables of its SCOs, what its indicator's pattern names, and the problem codes. */
function read(type: string, value: unknown, extra: Record<string, unknown> = {}) {
  const attribute = { type, value, to_ids: true, uuid: '11111111-2222-4333-8444-555555555555', timestamp: '1795143600', ...extra };
  const result = mispEventToStix(
    { Event: { uuid: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', info: 't', timestamp: '1795143600', Attribute: [attribute] } },
    OPTIONS,
  );
  const bundle = validateStixBundle({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: result.objects });
  assert.deepEqual(bundle.errors, [], `${type} ${String(value)}`);
  const indicator = result.objects.find((o) => o.type === 'indicator');
  return {
    observables: result.objects.flatMap((o) => scoValues(o).map((v) => `${v.type}:${v.value}`)),
    indicated: typeof indicator?.pattern === 'string' ? patternValues(indicator.pattern).map((v) => `${v.type}:${v.value}`) : [],
    problems: result.problems.map((p) => p.code),
    objects: result.objects,
  };
}

describe('M3.2c MISP attribute types', () => {
  it('reads addresses, with or without a port or a prefix', () => {
    assert.deepEqual(read('ip-src', ' 192.0.2.10 ').observables, ['ipv4:192.0.2.10']);
    assert.deepEqual(read('ip-dst', '2001:DB8::1').indicated, ['ipv6:2001:db8::1']);
    assert.deepEqual(read('ip-dst', '192.0.2.0/24').indicated, ['cidr:192.0.2.0/24']);
    assert.deepEqual(read('ip-src|port', '192.0.2.10|8080').indicated, ['ipv4:192.0.2.10']);
    assert.deepEqual(read('ip-dst|port', '2001:db8::2|443').observables, ['ipv6:2001:db8::2']);
  });

  it('reads composite host and file values part by part', () => {
    const both = read('domain|ip', 'Evil.Example.|198.51.100.9');
    assert.deepEqual(both.observables, ['domain:evil.example', 'ipv4:198.51.100.9']);
    assert.deepEqual(both.indicated, ['domain:evil.example']);
    assert.deepEqual(read('hostname', 'mail.evil.example').indicated, ['domain:mail.evil.example']);
    const hash = 'd41d8cd98f00b204e9800998ecf8427e';
    assert.deepEqual(read('filename|md5', `invoice.pdf.exe|${hash.toUpperCase()}`).indicated, [`md5:${hash}`]);
    assert.deepEqual(read('malware-sample', `a.exe|${hash}`).observables, [`md5:${hash}`]);
    assert.deepEqual(read('filename|sha1', 'a.exe|da39a3ee5e6b4b0d3255bfef95601890afd80709').observables, ['sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709']);
    assert.deepEqual(read('domain|ip', 'evil.example').problems, ['misp.invalid_value']);
    assert.deepEqual(read('filename|sha256', 'a.exe|not-a-hash').problems, ['misp.invalid_value']);
  });

  it('reads URLs; a relative uri is a kind Koban does not hold; a link is observed but never indicated', () => {
    assert.deepEqual(read('uri', 'https://evil.example/a?b=c').indicated, ['url:https://evil.example/a?b=c']);
    assert.deepEqual(read('uri', '/wp-admin/x.php').problems, ['misp.unsupported_attribute']);
    const link = read('link', 'https://news.example/warning');
    assert.deepEqual([link.observables, link.indicated], [['url:https://news.example/warning'], []]);
  });

  it('reads e-mail addresses, phone numbers, AS numbers and wallets', () => {
    for (const type of ['email', 'email-src', 'email-dst']) assert.deepEqual(read(type, 'Taro@Evil.Example').observables, ['email:Taro@evil.example']);
    assert.deepEqual(read('phone-number', '０３－１２３４－５６７８').observables, ['phone:+81312345678']);
    assert.deepEqual(read('whois-registrant-phone', '+1 (202) 555-0143').observables, ['phone:+12025550143']);
    assert.deepEqual(read('phone-number', 'call me').problems, ['misp.invalid_value']);
    assert.deepEqual(read('AS', '64500').indicated, ['asn:AS64500']);
    assert.deepEqual(read('btc', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT').observables, ['btc:1BoatSLRHtKNngkdXEeobR76b53LETtpyT']);
    assert.deepEqual(read('btc', '0x52908400098527886e0f7030069857d2e4169ee7').problems, ['misp.invalid_value']);
    assert.deepEqual(read('xmr', '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A').problems, [
      'misp.unsupported_attribute',
    ]);
  });

  it('reads only Japanese bank accounts (bank-branch-type-number) and no IBAN', () => {
    assert.deepEqual(read('bank-account-nr', '0005 135 1 0123456').observables, ['bank_account_jp:0005-135-1-0123456']);
    assert.deepEqual(read('bank-account-nr', '000513510123456').problems, []);
    assert.deepEqual(read('bank-account-nr', '12345678').problems, ['misp.unsupported_attribute']);
    assert.deepEqual(read('iban', 'DE89370400440532013000').problems, ['misp.unsupported_attribute']);
  });

  it('turns a vulnerability into a vulnerability object named by its CVE id', () => {
    const { objects, problems } = read('vulnerability', 'cve-2024-3400');
    assert.deepEqual(problems, []);
    const vulnerability = objects.find((o) => o.type === 'vulnerability');
    assert.equal(vulnerability?.name, 'CVE-2024-3400');
    assert.equal(objects.filter((o) => o.type === 'indicator').length, 0);
    assert.deepEqual(read('vulnerability', 'Log4Shell').problems, ['misp.invalid_value']);
  });

  it('skips text and comments silently and unknown types with a problem', () => {
    assert.deepEqual(read('text', 'anything').objects, []);
    assert.deepEqual(read('comment', 'anything').problems, []);
    assert.deepEqual(read('mutex', 'Global\\x').problems, ['misp.unsupported_attribute']);
  });

  it('makes an indicator only for attributes marked to_ids, with its uuid, time window and labels', () => {
    assert.equal(read('domain', 'evil.example', { to_ids: false }).objects.filter((o) => o.type === 'indicator').length, 0);
    assert.equal(read('domain', 'evil.example', { to_ids: '1' }).objects.filter((o) => o.type === 'indicator').length, 1);
    const { objects } = read('domain', 'evil.example', {
      first_seen: '2026-11-01T00:00:00.000000+00:00',
      last_seen: '2026-11-10T12:00:00.000000+09:00',
      category: 'Attribution',
      Tag: [{ name: 'kill-chain:Delivery' }, { name: 'tlp:amber' }],
    });
    const indicator = objects.find((o) => o.type === 'indicator');
    assert.equal(indicator?.id, 'indicator--11111111-2222-4333-8444-555555555555');
    assert.equal(indicator.valid_from, '2026-11-01T00:00:00.000Z');
    assert.equal(indicator.valid_until, '2026-11-10T03:00:00.000Z');
    assert.deepEqual(indicator.indicator_types, ['attribution']);
    assert.deepEqual(indicator.labels, ['kill-chain:Delivery']);
  });
});
