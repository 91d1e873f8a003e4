import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import fc from 'fast-check';
import { BundleSyntaxError, readBundleObjects, type BundleEntry, type BundleHead } from './bundle-reader.ts';

async function* piecesOf(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  const ends = [...cuts, bytes.length];
  const pieces = ends.map((end, at) => bytes.subarray(at === 0 ? 0 : ends[at - 1], end));
  for (const piece of pieces) {
    await setImmediate(); // each piece arrives on a later turn of the event loop, as from a file stream
    yield piece;
  }
}

function cutsEvery(bytes: Uint8Array, size: number): number[] {
  const cuts: number[] = [];
  for (let at = size; at < bytes.length; at += size) cuts.push(at);
  return cuts;
}

async function readAll(bundle: string | Buffer, cuts: number[] = [], head?: BundleHead, maxObjectBytes?: number): Promise<BundleEntry[]> {
  const bytes = typeof bundle === 'string' ? Buffer.from(bundle) : bundle;
  const entries: BundleEntry[] = [];
  for await (const entry of readBundleObjects(piecesOf(bytes, cuts), head, maxObjectBytes)) entries.push(entry);
  return entries;
}

async function rejectsWithOffset(bundle: string, byteOffset: number, code = 'stix.json_syntax'): Promise<void> {
  await assert.rejects(readAll(bundle), (error: unknown) => {
    assert.ok(error instanceof BundleSyntaxError, String(error));
    assert.equal(error.code, code);
    assert.equal(error.byteOffset, byteOffset, error.message);
    return true;
  });
}

/** Each element parses to what JSON.parse of the whole file says, and its offset points at its bytes. */
function assertCutMatches(bytes: Buffer, entries: BundleEntry[]): void {
  const whole = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  assert.deepEqual(
    entries.map((entry): unknown => JSON.parse(entry.text)),
    whole.objects,
  );
  entries.forEach((entry, index) => {
    assert.equal(entry.index, index);
    const text = Buffer.from(entry.text);
    assert.deepEqual(bytes.subarray(entry.byteOffset, entry.byteOffset + text.length), text);
  });
}

const tricky = Buffer.from(
  '\uFEFF \n{ "type" : "bundle", "id":"bundle--1",\r\n\t"objects" : [\n' +
    '  {"type":"indicator","name":"フィッシング詐欺 🎣🐟","description":"quote \\" brace } bracket ] comma , backslash \\\\"},\n' +
    '  {"nested":{"a":[1,[2,{"b":"]\\\\"}]],"c":{}},"empty":[],"u":"\\u3042\\"\\\\\\""} ,\n' +
    '  42, "a string, with ] and }", null, [1, "x"], true\n' +
    '] , "spec_version": "2.1" }\n',
);

describe('M3.2c STIX bundle reader', () => {
  it('cuts the same elements as JSON.parse at every chunk size', async () => {
    for (let size = 1; size <= tricky.length; size += 1) {
      const entries = await readAll(tricky, cutsEvery(tricky, size));
      assertCutMatches(tricky, entries);
    }
  });

  it('yields non-object elements as their text', async () => {
    const entries = await readAll(tricky);
    assert.deepEqual(
      entries.slice(2).map((entry) => entry.text),
      ['42', '"a string, with ] and }"', 'null', '[1, "x"]', 'true'],
    );
  });

  it('fills in the head from members before and after the objects', async () => {
    for (let size = 1; size <= tricky.length; size += 7) {
      const head: BundleHead = {};
      await readAll(tricky, cutsEvery(tricky, size), head);
      assert.deepEqual(head, { type: 'bundle', id: 'bundle--1', spec_version: '2.1' });
    }
  });

  it('skips members it does not know, whatever their shape', async () => {
    const head: BundleHead = {};
    const entries = await readAll('{"x-extra":{"objects":[1,2]},"objects":[{"a":1}],"more":[{"b":"}"}],"id":"bundle--2"}', [], head);
    assert.deepEqual(
      entries.map((entry) => entry.text),
      ['{"a":1}'],
    );
    assert.deepEqual(head, { id: 'bundle--2' });
  });

  it('reads an empty objects array, an empty bundle and a bundle without objects', async () => {
    assert.deepEqual(await readAll('{"type":"bundle","objects":[ \n ]}'), []);
    assert.deepEqual(await readAll(' {} '), []);
    const head: BundleHead = {};
    assert.deepEqual(await readAll('{"type":"bundle","id":"bundle--3"}', [5], head), []);
    assert.deepEqual(head, { type: 'bundle', id: 'bundle--3' });
  });

  it('hands a malformed element to the caller and keeps cutting', async () => {
    const entries = await readAll('{"objects":[{"a":},{"b":[1}],{"c":2}]}');
    assert.deepEqual(
      entries.map((entry) => entry.text),
      ['{"a":}', '{"b":[1}]', '{"c":2}'],
    );
  });

  it('reads plain Uint8Array chunks', async () => {
    const bytes = new Uint8Array(Buffer.from('{"objects":["日本"]}'));
    const entries: BundleEntry[] = [];
    for await (const entry of readBundleObjects(piecesOf(bytes, [13, 14]))) entries.push(entry);
    assert.deepEqual(
      entries.map((entry) => entry.text),
      ['"日本"'],
    );
  });

  it('throws a syntax error with the offset where the structure breaks', async () => {
    await rejectsWithOffset('[{"type":"indicator"}]', 0);
    await rejectsWithOffset('{"objects": {"type":"indicator"}}', 12);
    await rejectsWithOffset('{"objects": [{"a":1}', 20);
    await rejectsWithOffset('{"objects": [{"a":"unterminated}]}', 18);
    await rejectsWithOffset('{"objects": [{"a":1}]} {"b":2}', 23);
    await rejectsWithOffset('{"objects": [{"a":1}}', 20);
    await rejectsWithOffset('{"objects": [{"a":1},]}', 21);
    await rejectsWithOffset('{"type": "bundle" "id": "x"}', 9);
    await rejectsWithOffset('{"type": "bundle"]}', 17);
    await rejectsWithOffset('{"type": ,"objects":[]}', 9);
    await rejectsWithOffset('{"type": bundle,"objects":[]}', 9);
    await rejectsWithOffset('{objects:[]}', 1);
    await rejectsWithOffset('', 0);
  });

  it('refuses an element larger than the limit', async () => {
    const bundle = `{"objects":[{"a":1},{"b":"${'x'.repeat(100)}"}]}`;
    assert.equal((await readAll(bundle, [], undefined, 200)).length, 2);
    await assert.rejects(readAll(bundle, [], undefined, 50), { code: 'stix.object_too_large', byteOffset: 20 });
    await assert.rejects(readAll(bundle, cutsEvery(Buffer.from(bundle), 8), undefined, 50), { code: 'stix.object_too_large', byteOffset: 20 });
  });

  it('cuts random bundles at random chunk boundaries like JSON.parse', async () => {
    const bundleArbitrary = fc.record({
      objects: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }),
      type: fc.constant('bundle'),
      id: fc.string(),
    });
    await fc.assert(
      fc.asyncProperty(bundleArbitrary, fc.constantFrom(undefined, 1, '\t', ' \r\n'), fc.array(fc.nat()), async (bundle, indent, rawCuts) => {
        const bytes = Buffer.from(JSON.stringify(bundle, null, indent));
        const cuts = [...new Set(rawCuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const head: BundleHead = {};
        assertCutMatches(bytes, await readAll(bytes, cuts, head));
        assert.equal(head.id, bundle.id);
      }),
      { numRuns: 300 },
    );
  });
});
