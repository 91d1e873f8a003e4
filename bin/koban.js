#!/usr/bin/env -S node --max-semi-space-size=32
// The `koban` command: runs the TypeScript CLI through tsx. Node runs with a 32 MB young
// generation, as `npm start` does: a bulk import allocates fast, and the default 16 MB cost the
// sharing benchmark's million-object import about a fifth of its rate (bench/README.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
