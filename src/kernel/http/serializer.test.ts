import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { serializerCompiler, simplifyNullable } from './serializer.ts';

const Person = z.object({ id: z.string(), name: z.string() });
const View = z.object({
  id: z.string(),
  phone: z.string().nullable(),
  liaison: Person.nullable(),
  tags: z.array(z.string()),
  extra: z.record(z.string(), z.unknown()),
});

describe('response serializer', () => {
  it('writes only declared fields, so a row with secret columns never leaks', () => {
    const write = serializerCompiler({ schema: View });
    const row = { id: 'u1', phone: null, liaison: { id: 'p', name: '連携 太郎', password_hash: 'argon2…' }, tags: ['a'], extra: { k: 1 }, password_hash: 'x' };
    const parsed = JSON.parse(write(row));
    assert.deepEqual(parsed, { id: 'u1', phone: null, liaison: { id: 'p', name: '連携 太郎' }, tags: ['a'], extra: { k: 1 } });
    assert.equal(JSON.parse(write({ ...row, phone: '029-301-0110', liaison: null })).phone, '029-301-0110');
    assert.equal(JSON.parse(write({ ...row, liaison: null })).liaison, null);
  });

  it('turns zod nullable anyOf into nullable types', () => {
    assert.deepEqual(simplifyNullable({ anyOf: [{ type: 'string' }, { type: 'null' }] }), { type: 'string', nullable: true });
    const union = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    assert.deepEqual(simplifyNullable(union), union);
  });

  it('keeps a null nullable enum valid inside a union of objects', () => {
    const Event = z.union([
      z.object({ kind: z.literal('status'), from: z.enum(['open', 'closed']).nullable() }),
      z.object({ kind: z.literal('note'), text: z.string() }),
    ]);
    const write = serializerCompiler({ schema: z.object({ events: z.array(Event) }) });
    const events = [
      { kind: 'status', from: null },
      { kind: 'status', from: 'open' },
      { kind: 'note', text: 'メモ' },
    ];
    assert.deepEqual(JSON.parse(write({ events })), { events });
  });
});
