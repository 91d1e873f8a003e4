import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { extractObservables } from './extract.ts';

const values = (text: string, includeWarnings = false) => extractObservables(text, { includeWarnings }).map((o) => `${o.type}:${o.value}`);

describe('M2.2a extraction: canonical forms', () => {
  it('normalises network values', () => {
    assert.deepEqual(values('http://Evil-Shop.jp と HTTPS://EVIL-SHOP.CO.JP:443/a?b=1#c'), ['url:http://evil-shop.jp/', 'url:https://evil-shop.co.jp/a?b=1#c']);
    assert.deepEqual(values('045.137.021.009 と 2A03:2880:F12F:0083:FACE:B00C:0000:25DE', true), [
      'ipv4:45.137.21.9',
      'ipv6:2a03:2880:f12f:83:face:b00c:0:25de',
    ]);
    assert.deepEqual(values('ブロック 45.137.21.77/24'), ['cidr:45.137.21.0/24']);
    assert.deepEqual(values('ドメイン Mail.Evil-Shop.JP. と 例え.jp'), ['domain:mail.evil-shop.jp', 'domain:xn--r8jz45g.jp']);
    assert.deepEqual(values('From: Taro.Yamada@Evil-Shop.JP'), ['email:Taro.Yamada@evil-shop.jp']);
  });

  it('normalises hashes, CVE, ASN, phones and wallets', () => {
    assert.deepEqual(values('CVE-2024-3400 cve-2021-44228 AS15169 ASN 13335'), ['cve:CVE-2024-3400', 'cve:CVE-2021-44228', 'asn:AS15169', 'asn:AS13335']);
    assert.deepEqual(values('090-1234-5678 / 0120-123-456 / ０２９－３０１－０１１０'), ['phone:+819012345678', 'phone:+81120123456', 'phone:+81293010110']);
    assert.deepEqual(values('送金先 0x52908400098527886E0F7030069857D2E4169EE7'), ['eth:0x52908400098527886e0f7030069857d2e4169ee7']);
    assert.deepEqual(values('BTC: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'), ['btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']);
    assert.deepEqual(values('MD5 5D41402ABC4B2A76B9719D911017C592'), ['md5:5d41402abc4b2a76b9719d911017c592']);
  });

  it('takes cards only with a valid Luhn check and never returns the full number', () => {
    const found = extractObservables('カード 4242 4242 4242 4242 と 4242424242424243', { cardHashKey: 'k' });
    assert.equal(found.length, 1);
    assert.equal(found[0]?.value, '424242…4242');
    assert.ok(!JSON.stringify(found).includes('4242424242424242'));
    assert.match(found[0]?.attributes?.hash ?? '', /^[0-9a-f]{64}$/);
  });
});

describe('M2.2a extraction: hostile and messy input', () => {
  it('refangs and folds full-width, keeping offsets in the source', () => {
    const text = '至急ｈｘｘｐｓ：／／ｅｖｉｌ［．］ｅｘａｍｐｌｅ－ｓｈｏｐ［．］ｊｐ／ｌｏｇｉｎにアクセス';
    const [hit] = extractObservables(text);
    assert.equal(hit?.value, 'https://evil.example-shop.jp/login');
    assert.equal(text.slice(hit?.start, hit?.end), 'ｈｘｘｐｓ：／／ｅｖｉｌ［．］ｅｘａｍｐｌｅ－ｓｈｏｐ［．］ｊｐ／ｌｏｇｉｎ');
  });

  it('removes zero-width characters and ends a URL where URL characters end', () => {
    assert.deepEqual(values('https://bad\u200b.example-shop.jp/path\u200dにアクセス'), ['url:https://bad.example-shop.jp/path']);
    assert.deepEqual(values('「https://evil.example-shop.jp/login」、（45.137.21.9）。'), ['url:https://evil.example-shop.jp/login', 'ipv4:45.137.21.9']);
  });

  it('does not take file names, versions, dates or amounts for observables', () => {
    assert.deepEqual(values('invoice.pdf report.docx setup.exe v1.2.3 10.0.19045 2024.03.15 1,234,567円 〒310-8555 注文番号 0901234 999.1.1.1'), []);
  });

  it('flags warning-listed values and leaves them out unless asked', () => {
    assert.deepEqual(values('8.8.8.8 と 192.0.2.1 と google.com'), []);
    const flagged = extractObservables('8.8.8.8 と 192.0.2.1', { includeWarnings: true });
    assert.equal(flagged.length, 2);
    assert.ok(flagged.every((o) => o.warning));
  });

  it('never throws and keeps offsets inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        for (const hit of extractObservables(text, { includeWarnings: true })) {
          assert.ok(hit.start >= 0 && hit.start < hit.end && hit.end <= text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on text made of observable fragments (property)', () => {
    const fragment = fc.constantFrom(
      '.',
      '[.]',
      '@',
      'http://',
      'hxxps://',
      '0',
      '9',
      '-',
      ':',
      '/',
      'a',
      'ｆ',
      '．',
      '。',
      '「',
      '例',
      ' ',
      '\u200b',
      '銀行',
      '普通',
      '記号',
      'x',
      '1A1z',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 200 }), (parts) => {
        extractObservables(parts.join(''), { includeWarnings: true });
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on 1 MB of adversarial near-matches', () => {
    const patterns = ['1.', 'a.', 'a-', '0-', '9', 'a@', '<a@', 'http://', '[.]', 'f:', 'ff', '1 ', 'aa', '例.', '銀行 支店 普通 1', '(0'];
    for (const pattern of patterns) {
      const small = pattern.repeat(Math.ceil(250_000 / pattern.length));
      const large = pattern.repeat(Math.ceil(1_000_000 / pattern.length));
      // The fastest of three runs of each size: a shared CI machine adds noise, never speed.
      const time = (text: string) => {
        let best = Infinity;
        for (let run = 0; run < 3; run += 1) {
          const t0 = performance.now();
          extractObservables(text, { includeWarnings: true });
          best = Math.min(best, performance.now() - t0);
        }
        return best;
      };
      const smallMs = Math.max(time(small), 5);
      const largeMs = time(large);
      assert.ok(largeMs < 5000, `${pattern}: ${largeMs.toFixed(0)} ms for 1 MB`);
      // Linear work gives about 4x; quadratic work gives about 16x.
      assert.ok(largeMs / smallMs < 12, `${pattern}: 4x input took ${(largeMs / smallMs).toFixed(1)}x time`);
    }
  });
});
