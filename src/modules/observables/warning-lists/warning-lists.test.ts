import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asnOf } from '../enrich/asn.ts';
import resolverData from './public-resolvers.json' with { type: 'json' };
import popularData from './popular-domains.json' with { type: 'json' };
import { maskCard, WARNING_LIST_STATS, warningFor } from './warning-lists.ts';

test('IPv4 special ranges, most specific wins', () => {
  const cases: [string, string | null][] = [
    ['10.1.2.3', 'private_range'],
    ['172.16.0.1', 'private_range'],
    ['172.31.255.255', 'private_range'],
    ['172.32.0.1', null],
    ['192.168.1.1', 'private_range'],
    ['127.0.0.1', 'loopback_range'],
    ['169.254.169.254', 'link_local_range'],
    ['100.64.0.1', 'cgnat_range'],
    ['100.128.0.1', null],
    ['192.0.2.55', 'documentation_range'],
    ['198.51.100.1', 'documentation_range'],
    ['203.0.113.9', 'documentation_range'],
    ['198.18.0.1', 'benchmark_range'],
    ['198.19.255.255', 'benchmark_range'],
    ['224.0.0.251', 'multicast_range'],
    ['239.255.255.250', 'multicast_range'],
    ['255.255.255.255', 'broadcast_address'],
    ['255.255.255.254', 'reserved_range'],
    ['0.0.0.0', 'unspecified_range'],
    ['8.8.8.8', 'public_resolver'],
    ['8.8.4.4', 'public_resolver'],
    ['1.1.1.1', 'public_resolver'],
    ['9.9.9.9', 'public_resolver'],
    ['208.67.222.222', 'public_resolver'],
    ['94.140.14.14', 'public_resolver'],
    ['101.102.103.104', 'public_resolver'],
    ['101.101.101.101', 'public_resolver'],
    ['8.8.8.9', null],
    ['133.205.1.1', null],
  ];
  for (const [ip, list] of cases) assert.equal(warningFor('ipv4', ip), list, ip);
});

test('IPv6 ranges and resolvers (RFC 5952 input)', () => {
  const cases: [string, string | null][] = [
    ['::1', 'loopback_range'],
    ['::', 'unspecified_range'],
    ['fd12:3456::1', 'private_range'],
    ['fc00::1', 'private_range'],
    ['fe80::1', 'link_local_range'],
    ['ff02::1', 'multicast_range'],
    ['2001:db8::1', 'documentation_range'],
    ['2001:db8:ffff::1', 'documentation_range'],
    ['3fff:fff::1', 'documentation_range'],
    ['2001:2::5', 'benchmark_range'],
    ['::ffff:10.0.0.1', 'private_range'],
    ['::ffff:8.8.8.8', 'public_resolver'],
    ['2001:4860:4860::8888', 'public_resolver'],
    ['2606:4700:4700::1111', 'public_resolver'],
    ['2620:fe::fe', 'public_resolver'],
    ['2a02:6b8::feed:ff', 'public_resolver'],
    ['2001:4860:4860::8889', null],
    ['2404:6800:4004:80a::200e', null],
  ];
  for (const [ip, list] of cases) assert.equal(warningFor('ipv6', ip), list, ip);
});

test('CIDR flagged only when wholly inside a listed range', () => {
  assert.equal(warningFor('cidr', '10.0.0.0/8'), 'private_range');
  assert.equal(warningFor('cidr', '10.20.0.0/16'), 'private_range');
  assert.equal(warningFor('cidr', '10.0.0.0/7'), null);
  assert.equal(warningFor('cidr', '172.16.0.0/12'), 'private_range');
  assert.equal(warningFor('cidr', '172.0.0.0/8'), null);
  assert.equal(warningFor('cidr', '192.0.2.0/25'), 'documentation_range');
  assert.equal(warningFor('cidr', '240.0.0.0/4'), 'reserved_range');
  assert.equal(warningFor('cidr', '8.8.8.8/32'), 'public_resolver');
  assert.equal(warningFor('cidr', '8.8.8.0/24'), null);
  assert.equal(warningFor('cidr', '0.0.0.0/0'), null);
  assert.equal(warningFor('cidr', '2001:db8:1::/48'), 'documentation_range');
  assert.equal(warningFor('cidr', '2001::/16'), null);
  assert.equal(warningFor('cidr', 'fd00::/8'), 'private_range');
  assert.equal(warningFor('cidr', 'junk/8'), null);
});

test('every public resolver v4 address is announced by the operator AS (ASN snapshot)', () => {
  for (const op of resolverData.operators) {
    for (const ip of op.v4) {
      assert.equal(asnOf(ip)?.asn, op.asn, `${op.name} ${ip}`);
      assert.equal(warningFor('ipv4', ip), 'public_resolver', ip);
    }
    for (const ip of op.v6) assert.equal(warningFor('ipv6', ip), 'public_resolver', ip);
  }
});

test('popular domains and their subdomains', () => {
  assert.ok(WARNING_LIST_STATS.popularDomains >= 300 && WARNING_LIST_STATS.popularDomains <= 600);
  for (const d of [
    'google.com',
    'www.google.com',
    'youtube.com',
    'yahoo.co.jp',
    'news.yahoo.co.jp',
    'line.me',
    'amazon.co.jp',
    'rakuten.co.jp',
    'apple.com',
    'microsoft.com',
    'x.com',
    'twitter.com',
    'facebook.com',
    'instagram.com',
    'mercari.com',
    'jp.mercari.com',
    'paypay.ne.jp',
    'docomo.ne.jp',
    'au.com',
    'softbank.jp',
    'nhk.or.jp',
    'www3.nhk.or.jp',
    'smbc.co.jp',
    'mufg.jp',
    'direct.bk.mufg.jp',
    'mizuhobank.co.jp',
    'japanpost.jp',
    'jp-bank.japanpost.jp',
    'gmail.com',
    'outlook.com',
    'icloud.com',
    'github.com',
  ]) {
    assert.equal(warningFor('domain', d), 'popular_domain', d);
  }
  // Every listed entry is a lower-case host name; none is under an abusable suffix (it would never match).
  for (const d of popularData.domains) {
    assert.match(d, /^[a-z0-9.-]+\.[a-z]{2,}$/, d);
    assert.equal(warningFor('domain', d), 'popular_domain', d);
  }
  assert.equal(warningFor('domain', 'google.com.evil.example.net'), 'reserved_domain');
  assert.equal(warningFor('domain', 'google.com-login.top'), null);
  assert.equal(warningFor('domain', 'mufg-jp.com'), null);
  assert.equal(warningFor('domain', 'smbc.co.jp.xyz'), null);
});

test('shared hosting / abusable suffixes are never popular', () => {
  for (const d of [
    'phish.blogspot.com',
    'sites.google.com',
    'docs.google.com',
    'evil.github.io',
    'x.web.app',
    'x.firebaseapp.com',
    'x.workers.dev',
    'x.pages.dev',
    'abcd-1-2-3-4.ngrok-free.app',
    'x.duckdns.org',
    'storage.googleapis.com',
    'firebasestorage.googleapis.com',
    'raw.githubusercontent.com',
    'gist.github.com',
    'x.s3.amazonaws.com',
    'd111111abcdef8.cloudfront.net',
    'x.azurewebsites.net',
    'tenant.sharepoint.com',
    'onedrive.live.com',
    'x.herokuapp.com',
    'x.netlify.app',
    'x.vercel.app',
    'cdn.discordapp.com',
    'blog.livedoor.jp',
  ]) {
    assert.equal(warningFor('domain', d), null, d);
  }
  assert.equal(warningFor('url', 'https://sites.google.com/view/smbc-login'), null);
  assert.equal(warningFor('url', 'https://docs.google.com/forms/d/e/xyz/viewform'), null);
  assert.equal(warningFor('url', 'https://evil.github.io/mufg/'), null);
  assert.equal(warningFor('url', 'https://www.google.com/search?q=x'), 'popular_domain');
});

test('police, government and reserved domains', () => {
  assert.equal(warningFor('domain', 'npa.go.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'www.npa.go.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'police.pref.ibaraki.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'www.police.pref.miyagi.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'www.police.pref.saitama.lg.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'police.pref.hokkaido.lg.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'www.keishicho.metro.tokyo.lg.jp'), 'police_domain');
  assert.equal(warningFor('domain', 'police.pref.nowhere.jp'), null);
  assert.equal(warningFor('domain', 'pref.ibaraki.jp'), 'government_domain');
  assert.equal(warningFor('domain', 'www.pref.ibaraki.jp'), 'government_domain');
  assert.equal(warningFor('domain', 'www.pref.ibaraki.lg.jp'), 'government_domain');
  assert.equal(warningFor('domain', 'www.soumu.go.jp'), 'government_domain');
  assert.equal(warningFor('domain', 'city.mito.lg.jp'), 'government_domain');
  assert.equal(warningFor('domain', 'ipa.go.jp'), 'government_domain');
  assert.equal(warningFor('domain', 'go.jp.evil.com'), null);
  assert.equal(warningFor('domain', 'npa-go.jp'), null);
  assert.equal(warningFor('url', 'https://www.pref.ibaraki.jp/kenkei/a01_safety/cyber/index.html'), 'police_domain');
  assert.equal(warningFor('url', 'https://www.pref.ibaraki.jp/bugai/koho/index.html'), 'government_domain');
  assert.equal(warningFor('url', 'https://www.npa.go.jp/bureau/cyber/'), 'police_domain');
  for (const d of [
    'example.com',
    'www.example.org',
    'example.net',
    'foo.example',
    'a.test',
    'b.invalid',
    'localhost',
    'app.localhost',
    'printer.local',
    'router.home.arpa',
  ]) {
    assert.equal(warningFor('domain', d), 'reserved_domain', d);
  }
  assert.equal(warningFor('domain', 'examples.com'), null);
  assert.equal(warningFor('domain', 'example.com.'), 'reserved_domain');
});

test('URLs: host checked, IP hosts use the IP lists, userinfo and ports ignored', () => {
  assert.equal(warningFor('url', 'http://127.0.0.1:8080/admin'), 'loopback_range');
  assert.equal(warningFor('url', 'http://[::1]/'), 'loopback_range');
  assert.equal(warningFor('url', 'http://[2001:db8::1]:8443/x'), 'documentation_range');
  assert.equal(warningFor('url', 'https://google.com@evil.example/'), 'reserved_domain');
  assert.equal(warningFor('url', 'https://user:pw@www.amazon.co.jp/dp/1'), 'popular_domain');
  assert.equal(warningFor('url', 'https://amazon.co.jp.secure-login.top/'), null);
  assert.equal(warningFor('url', 'https://example.com'), 'reserved_domain');
  assert.equal(warningFor('url', 'not a url'), null);
});

test('e-mail: reserved/police/government by domain; popular mail hosts are not a warning', () => {
  assert.equal(warningFor('email', 'user@example.com'), 'reserved_domain');
  assert.equal(warningFor('email', 'hi-tech@pref.ibaraki.lg.jp'), 'government_domain');
  assert.equal(warningFor('email', 'x@police.pref.ibaraki.jp'), 'police_domain');
  assert.equal(warningFor('email', 'scammer@gmail.com'), null);
  assert.equal(warningFor('email', 'someone@docomo.ne.jp'), null);
});

test('empty-input hashes, cards never warned, special ASNs', () => {
  assert.equal(warningFor('md5', 'd41d8cd98f00b204e9800998ecf8427e'), 'empty_file_hash');
  assert.equal(warningFor('sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'), 'empty_file_hash');
  assert.equal(warningFor('sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'), 'empty_file_hash');
  assert.equal(warningFor('md5', '098f6bcd4621d373cade4e832627b4f6'), null);
  assert.equal(warningFor('card', '411111\u20261111'), null);
  assert.equal(maskCard('4111111111111111'), '411111\u20261111');
  assert.equal(warningFor('asn', 'AS64500'), 'documentation_asn');
  assert.equal(warningFor('asn', 'AS65001'), 'private_asn');
  assert.equal(warningFor('asn', '4200000001'), 'private_asn');
  assert.equal(warningFor('asn', 'AS23456'), 'reserved_asn');
  assert.equal(warningFor('asn', 'AS0'), 'reserved_asn');
  assert.equal(warningFor('asn', 'AS15169'), null);
  assert.equal(warningFor('cve', 'CVE-2024-3400'), null);
  assert.equal(warningFor('phone', '+81312345678'), null);
});

test('warningFor throughput', () => {
  const values: [Parameters<typeof warningFor>[0], string][] = [];
  for (let i = 0; i < 50_000; i++) {
    values.push(['ipv4', `${(i * 7) % 256}.${i % 256}.${(i >> 8) % 256}.${i % 97}`]);
    values.push(['domain', `host${i}.example-${i % 50}.co.jp`]);
    values.push(['domain', i % 2 ? 'www.google.com' : `cdn${i}.evil${i}.top`]);
    values.push(['url', `https://www${i % 3}.site${i}.com/path/${i}?q=${i}`]);
    values.push(['ipv6', `2001:db8::${(i % 65536).toString(16)}`]);
    values.push(['sha256', i.toString(16).padStart(64, '0')]);
  }
  const t0 = performance.now();
  let flagged = 0;
  for (const [type, value] of values) if (warningFor(type, value)) flagged++;
  const ms = performance.now() - t0;
  console.log(`warningFor: ${values.length} values in ${ms.toFixed(0)} ms (${Math.round(values.length / (ms / 1000))}/s), ${flagged} flagged`);
  assert.ok(flagged > 0);
});
