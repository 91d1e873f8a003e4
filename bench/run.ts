// `npm run bench -- NAME`: runs bench/NAME.bench.ts and prints its one JSON line.
const name = process.argv[2];
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<Record<string, unknown>> }>> = {
  http: () => import('./http.bench.ts'),
  extract: () => import('./extract.bench.ts'),
  correlate: () => import('./correlate.bench.ts'),
  intake: () => import('./intake.bench.ts'),
  cases: () => import('./cases.bench.ts'),
  sharing: () => import('./sharing.bench.ts'),
};
const load = name ? benches[name] : undefined;
if (!load) {
  process.stderr.write(`usage: npm run bench -- NAME   (one of: ${Object.keys(benches).join(', ')})\n`);
  process.exit(1);
}
const result = await (await load()).run(process.argv.slice(3));
process.stdout.write(`${JSON.stringify(result)}\n`);
