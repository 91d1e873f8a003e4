// Building and compiling a Kysely query costs about three times as much as running it on SQLite
// (measured 24 µs vs 6 µs for a unit lookup). A reusable query is built and compiled once per
// database, then run with new parameter values. Only for queries whose SQL text does not depend
// on the values (no `in` lists of varying length).
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Executor } from './database.ts';
import type { DB } from './schema.ts';

type Scalar = string | number | null;

type Template<Row> = { compiled: CompiledQuery<Row>; slots: (number | null)[] };

const SENTINEL = (index: number) => `\u0000koban-arg-${index}\u0000`;

function compileTemplate<Row>(db: Executor, build: (db: Executor, ...args: string[]) => Compilable<Row>, arity: number): Template<Row> {
  const sentinels = Array.from({ length: arity }, (_, i) => SENTINEL(i));
  const compiled = build(db, ...sentinels).compile();
  const slots = compiled.parameters.map((value) => {
    const index = sentinels.indexOf(String(value));
    return index >= 0 ? index : null;
  });
  return { compiled, slots };
}

export function reusableQuery<Args extends Scalar[], Row>(arity: Args['length'], build: (db: Executor, ...args: Args) => Compilable<Row>) {
  // Keyed by the dialect's adapter class: the SQL depends only on the dialect, so a template
  // compiled once serves the database and every transaction on it (each a new Kysely instance).
  const templates = new Map<unknown, Template<Row>>();
  return async function run(db: Executor, ...args: Args): Promise<Row[]> {
    const key = (db as Kysely<DB>).getExecutor().adapter.constructor;
    let template = templates.get(key);
    if (!template) {
      // Sentinel strings stand in for the caller's values while compiling; only their positions matter.
      template = compileTemplate(db, build as (db: Executor, ...args: string[]) => Compilable<Row>, arity);
      templates.set(key, template);
    }
    const { compiled, slots } = template;
    const parameters = slots.map((slot, i) => (slot === null ? compiled.parameters[i] : args[slot]));
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
