import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPreparer, type PrepareContext, type PreparedBatch } from './prepare.ts';
import { createColumnsBuilder, fromColumns } from './transport.ts';

const context: PrepareContext = {
  defaultTlp: 'amber',
  locale: 'en',
  source: 'file:/data/bundle.json',
  batchId: 'batch-1',
  importedBy: 'cli:bench',
  importedAt: '2026-12-06T00:00:00.000Z',
};

const indicator = (n: number, pattern: string) =>
  JSON.stringify({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
    created: '2026-11-01T00:00:00.000Z',
    modified: '2026-11-01T00:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-11-01T00:00:00Z',
  });

describe('a prepared batch handed over by columns', () => {
  it('arrives as the batch the worker prepared', () => {
    const prepare = createPreparer(context);
    const batch: PreparedBatch = { prepared: [], problems: [], handled: 0, bytesRead: 1234 };
    const entries = [
      { index: 0, text: indicator(1, "[url:value = 'https://phish.example.jp/login'] AND [domain-name:value = 'c2.example.com']") },
      { index: 1, text: indicator(1, "[ipv4-addr:value = '198.51.100.7']") },
      {
        index: 2,
        text: '{"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--0b3f0a4c-9b0f-4f5e-9d1a-1f0c2b3d4e5f","created":"2026-11-01T00:00:00.000Z","modified":"2026-11-01T00:00:00.000Z","name":"Lazarus","aliases":["Hidden Cobra"]}',
      },
      {
        index: 3,
        text: '{"type":"x-koban-bank-account","spec_version":"2.1","id":"x-koban-bank-account--3c10e93f-798e-5a26-a0c1-08156efab7f5","value":"0001-100-1-1234567","account_holder":"ﾔﾏﾀﾞﾀﾛｳ"}',
      },
      { index: 4, text: indicator(5, "[file:name LIKE '%.exe']") },
    ];
    for (const entry of entries) {
      const prepared = prepare(entry, batch.problems);
      if (prepared) batch.prepared.push(prepared);
      batch.handled += 1;
    }
    assert.equal(batch.problems.length, 1, 'the second object repeats the first one’s id and version');
    assert.ok(
      batch.prepared.some((p) => p.threat) && batch.prepared.some((p) => p.sightings.length === 2) && batch.prepared.some((p) => p.sightings[0]?.attributes),
    );
    const builder = createColumnsBuilder();
    for (const p of batch.prepared) builder.add(p);
    const columns = builder.take(batch);
    const sent = structuredClone(columns, { transfer: [columns.bodies.buffer] });
    assert.equal(columns.bodies.byteLength, 0, 'the texts were transferred, not copied');
    const received = fromColumns(sent, context);
    const texts = received.prepared.map((p) => Buffer.from(p.version.body).toString('utf8'));
    assert.deepEqual(
      texts.map((text) => JSON.parse(text) as unknown),
      batch.prepared.map((p) => JSON.parse(p.version.body as string) as unknown),
    );
    for (const p of received.prepared) p.version.body = Buffer.from(p.version.body).toString('utf8');
    assert.deepEqual(received, batch);
  });
});
