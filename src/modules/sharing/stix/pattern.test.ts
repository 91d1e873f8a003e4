import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkStixPattern, checkStixPatternFully } from './pattern.ts';

const SHA256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f';

// Patterns from STIX 2.1 §9 (written with String.raw so backslashes read as in the specification).
const SPEC_EXAMPLES = [
  String.raw`[file:hashes.'SHA-256' = '${SHA256}']`,
  String.raw`[email-message:from_ref.value MATCHES '.+\\@example\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\.exe$']`,
  String.raw`[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32'] FOLLOWEDBY [domain-name:value = 'example.com'] WITHIN 600 SECONDS`,
  String.raw`[x-usb-device:usbdrive.serial_number = '575833344E3235363744']`,
  String.raw`[file:hashes.'SHA-256' = '${SHA256}' AND file:mime_type = 'application/x-pdf']`,
  String.raw`[file:hashes.'SHA-256' = '${SHA256}' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' = '${SHA256}']`,
  String.raw`[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']`,
  String.raw`[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']`,
  String.raw`[windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\CryptoLocker\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\Microsoft\\CurrentVersion\\Run\\CryptoLocker_0388']`,
  String.raw`[(file:name = 'pdf.exe' OR file:size = 371712) AND file:created = t'2014-01-13T07:03:17Z']`,
  String.raw`[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']`,
  String.raw`[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS`,
  String.raw`[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 180 SECONDS`,
  String.raw`[file:hashes.'SHA-256' = '${SHA256}'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.000Z'`,
  String.raw`[network-traffic:dst_port IN (80, 443, 8080) AND network-traffic:protocols[0] = 'tcp']`,
  String.raw`[file:name LIKE 'invoice%.exe' AND file:size >= 1024 AND file:size < 2048.5]`,
  String.raw`[ipv4-addr:value ISSUBSET '198.51.100.0/24'] OR [ipv4-addr:value ISSUPERSET '198.51.100.7/32']`,
  String.raw`[artifact:payload_bin = b'dGVzdA==' OR artifact:hashes.MD5 != h'0fa1']`,
  String.raw`[user-account:is_privileged = true AND NOT EXISTS user-account:account_expires]`,
  String.raw`[file:name NOT = 'a.exe' AND file:parent_directory_ref.path NOT MATCHES '^C:\\\\Windows']`,
  String.raw`([file:name = 'a'] OR [file:name = 'b']) FOLLOWEDBY [file:name = 'it\'s']`,
  String.raw`[file:extensions.'windows-pebinary-ext'.sections[-1].entropy > -0.5]`,
];

describe('M3.2c STIX pattern checker', () => {
  it('accepts the specification examples and lists the object types they use', () => {
    for (const pattern of SPEC_EXAMPLES) assert.deepEqual(checkStixPattern(pattern).ok, true, pattern);
    assert.deepEqual(checkStixPattern(SPEC_EXAMPLES[2] ?? ''), { ok: true, objectTypes: ['domain-name', 'ipv4-addr'] });
    assert.deepEqual(checkStixPattern(SPEC_EXAMPLES[3] ?? ''), { ok: true, objectTypes: ['x-usb-device'] });
  });

  it('refuses broken patterns and says where', () => {
    const broken: [string, number][] = [
      ['', 0],
      ["file:name = 'x'", 0],
      ["[file:name = 'x'", 16],
      ["[file:name = 'x']]", 17],
      ["[file:hashes.SHA-256 = 'x']", 13],
      ["[file:name = 'unterminated]", 13],
      ["[file:name == 'x']", 12],
      ["[File:name = 'x']", 1],
      ["[ab:name = 'x']", 1],
      ["[file:name = 'x'] WITHIN 0 SECONDS", 25],
      ["[file:name = 'x'] WITHIN 10 MINUTES", 28],
      ["[file:created = t'2014-13-13T07:03:17Z']", 16],
      ["[file:created = t'2014-01-13 07:03:17']", 16],
      ['[file:name LIKE 5]', 16],
      [String.raw`[file:name = 'a\.b']`, 15],
      ['[file:size > true]', 13],
      ['[network-traffic:dst_port IN ()]', 30],
      ["[file:name = 'x'] START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z'", 53],
      ["[file:name = 'x'] AND", 21],
      ["[file:name = 'x' FOLLOWEDBY file:size = 1]", 17],
      ["[artifact:payload_bin = h'abc']", 24],
      ['[file:name = x]', 13],
    ];
    for (const [pattern, position] of broken) {
      const checked = checkStixPattern(pattern);
      assert.equal(checked.ok, false, pattern);
      if (!checked.ok) {
        assert.equal(checked.position, position, `${pattern}: ${checked.error}`);
        assert.ok(checked.error.length > 0);
      }
    }
  });

  it('answers on its fast path for simple comparisons exactly as the full parser does', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/);
    const literal = fc.string({ maxLength: 20 }).map((text) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'"));
    const pattern = fc
      .tuple(
        word,
        word,
        fc.array(
          fc.oneof(
            word,
            word.map((w) => `'${w}'`),
          ),
          { maxLength: 3 },
        ),
        fc.constantFrom('=', '!=', ' = ', '=='),
        literal,
        fc.boolean(),
      )
      .map(([type, property, path, operator, value, broken]) => `[${type}:${[property, ...path].join('.')}${operator}'${value}'${broken ? '' : ']'}`);
    fc.assert(
      fc.property(fc.oneof(pattern, fc.string({ maxLength: 40 })), (text) => {
        assert.deepEqual(checkStixPattern(text).ok, checkStixPatternFully(text).ok, text);
      }),
      { numRuns: 20_000 },
    );
    for (const text of SPEC_EXAMPLES) assert.deepEqual(checkStixPattern(text), checkStixPatternFully(text));
  });
});
