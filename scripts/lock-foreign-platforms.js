#!/usr/bin/env node
/**
 * Run after any `npm install` that changes package-lock.json.
 *
 * Native packages (@swc/core, unrs-resolver, msgpackr-extract) list one optional
 * package per platform. The registry mirror our machines use serves only the
 * linux-x64 builds, so npm cannot record the others in the lock file, and `npm ci`
 * then refuses the lock file as out of sync ("Missing: @swc/core-darwin-arm64@").
 * This adds each missing platform package to the lock with its version, os and
 * cpu, so `npm ci` sees a complete lock file and skips what does not fit the
 * machine, as it does for any foreign-platform optional dependency.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openharmony',
  'netbsd',
  'openbsd',
  'sunos',
  'aix',
];
const CPU = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'loong64', 'riscv64', 'arm'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  return os && cpu ? { os: [os], cpu: [cpu] } : undefined;
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? key + '/' : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue; // not a per-platform build: leave npm's own decision alone
    lock.packages[`node_modules/${name}`] = { version, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
process.stdout.write(`lock-foreign-platforms: added ${added} platform entries\n`);
