const fs = require('node:fs');
const path = require('node:path');
// Three tiers, each runnable alone (see README "Tests"):
//   unit         *.spec.ts      pure, no I/O
//   integration  *.int-spec.ts  real adapters: embedded SQLite, local Redis, EventStoreDB/MongoDB when their URL is set
//   e2e          test/*.e2e-spec.ts  HTTP against a booted app
const swc = [
  '@swc/jest',
  {
    // The build's .swcrc excludes test files from dist; tests use this inline config instead.
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// NestJS 12 and several of its dependencies ship ES modules only. Node 20 can
// require() them, but Jest's module system cannot (before Node 24.9), so Jest
// compiles every package whose package.json says "type": "module" to CommonJS,
// like our own code. The list is read from node_modules so it follows upgrades.
function esmOnlyPackages(dir = path.join(__dirname, 'node_modules'), found = new Set()) {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (name.startsWith('@')) {
      for (const sub of fs.readdirSync(full)) visit(`${name}/${sub}`, path.join(full, sub));
    } else visit(name, full);
  }
  function visit(name, full) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(full, 'package.json'), 'utf8')).type === 'module')
        found.add(name);
    } catch {
      return;
    }
    esmOnlyPackages(path.join(full, 'node_modules'), found);
  }
  return found;
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const esm = [...esmOnlyPackages()].map(escape).join('|');

const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esm})/)`],
  moduleNameMapper: { '^@portal/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  rootDir: __dirname,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/data/'],
};
// Suites for the production adapters run whenever their server is configured:
// `*.kurrentdb.int-spec.ts` needs EVENTSTORE_URL, `*.mongo.int-spec.ts` needs MONGO_URL.
// Without the URL the file is not collected at all (nothing is skipped).
const serverSuites = [];
if (!process.env.EVENTSTORE_URL) serverSuites.push('\\.kurrentdb\\.int-spec\\.ts$');
if (!process.env.MONGO_URL) serverSuites.push('\\.mongo\\.int-spec\\.ts$');
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...serverSuites],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // 30 s per test (test/support/timeout.ts says why).
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts'],
    },
  ],
};
