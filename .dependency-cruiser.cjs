/**
 * Layer rules (checked by `npm run lint`):
 * - the domain is pure: no Nest, no adapters, no other lib, no Node I/O;
 * - each lib imports only the libs its header names (its README, else its src/index.ts, says
 *   "May import only"): the table LIBS below, one rule per lib generated from it;
 * - `@nestjs/*` only in apps and libs/runtime;
 * - an app never imports another app (they share code through libs), except
 *   apps/standalone, which only composes the three into one process for `npm start`;
 * - a lib never imports an app;
 * - no cycles.
 */

/**
 * Which other libs each lib may import, as its header says. `tests` are the libs its specs and
 * `src/testing/` may use besides (test support, fixtures); they are not the lib's dependencies.
 * A lib missing here is refused everything: add its row when you add the lib.
 */
const LIBS = {
  accounts: { imports: ['command', 'domain', 'event-store', 'roster', 'security', 'vault'] },
  audit: { imports: ['accounts', 'command', 'domain', 'event-store', 'vault'] },
  client: { imports: [] },
  command: { imports: ['domain', 'event-store'] },
  config: { imports: ['documents'] },
  documents: { imports: ['event-store'] },
  domain: { imports: [] },
  'event-store': { imports: [], tests: ['command'] },
  jobs: { imports: [] },
  notifications: {
    imports: ['accounts', 'command', 'domain', 'event-store', 'jobs', 'observability', 'roster', 'vault'],
    tests: ['security'],
  },
  observability: { imports: [] },
  offices: {
    imports: ['accounts', 'command', 'domain', 'event-store', 'security', 'vault'],
    tests: ['notifications'],
  },
  ratelimit: { imports: [] },
  'read-models': {
    imports: [
      'command',
      'documents',
      'domain',
      'event-store',
      'observability',
      'roster',
      'security',
      'vault',
    ],
    tests: ['accounts', 'notifications'],
  },
  roster: { imports: ['domain'] },
  runtime: {
    imports: [
      'accounts',
      'config',
      'documents',
      'domain',
      'event-store',
      'jobs',
      'notifications',
      'observability',
      'ratelimit',
      'read-models',
      'roster',
      'security',
      'vault',
    ],
  },
  security: { imports: [] },
  staff: { imports: ['command', 'domain', 'event-store'], tests: ['security'] },
  vault: { imports: [] },
};

/** A lib's specs and test support: `*.spec.ts`, `*.int-spec.ts`, `*.mongo.int-spec.ts`, `src/testing/`. */
const TEST_FILES = '(\\.spec\\.ts$|-spec\\.ts$|/src/testing/)';

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const only = (names) => `^libs/(${names.map(escape).join('|')})/`;

const libRules = Object.entries(LIBS).map(([lib, { imports, tests = [] }]) => ({
  name: `${lib}-may-import-only`,
  severity: 'error',
  comment: `libs/${lib} may import only ${imports.length ? imports.map((l) => `@portal/${l}`).join(', ') : 'no other lib'} (its header${tests.length ? `; its tests also ${tests.map((l) => `@portal/${l}`).join(', ')}` : ''}).`,
  from: { path: `^libs/${escape(lib)}/`, ...(tests.length ? { pathNot: TEST_FILES } : {}) },
  to: { path: '^libs/', pathNot: only([lib, ...imports]) },
}));

const libTestRules = Object.entries(LIBS)
  .filter(([, { tests }]) => tests?.length)
  .map(([lib, { imports, tests }]) => ({
    name: `${lib}-tests-may-import-only`,
    severity: 'error',
    comment: `The specs and test support of libs/${lib} may import its libs and ${tests.map((l) => `@portal/${l}`).join(', ')}.`,
    from: { path: `^libs/${escape(lib)}/.*${TEST_FILES}` },
    to: { path: '^libs/', pathNot: only([lib, ...imports, ...tests]) },
  }));

module.exports = {
  forbidden: [
    ...libRules,
    ...libTestRules,
    {
      name: 'lib-listed',
      severity: 'error',
      comment: 'Every lib has a row in the LIBS table of .dependency-cruiser.cjs (what it may import).',
      from: { path: '^libs/', pathNot: only(Object.keys(LIBS)) },
      to: {},
    },
    {
      name: 'nest-only-in-runtime',
      severity: 'error',
      comment: 'Nest belongs to the apps and libs/runtime; the other libs are plain TypeScript over ports.',
      from: { path: '^libs/', pathNot: '^libs/runtime/' },
      to: { path: '(^|/)node_modules/@nestjs/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain holds decide/evolve and policies only: no framework, no adapter, no I/O.',
      from: { path: '^libs/domain/' },
      to: {
        pathNot: [
          '^libs/domain/',
          '^node_modules/@zxcvbn-ts/',
          '^node_modules/fast-check/',
          '^node_modules/@types/',
        ],
      },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      comment: 'No clock, randomness, files or network in the domain: they arrive on the command.',
      from: { path: '^libs/domain/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|crypto|child_process|worker_threads|dgram|os)$',
      },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'Apps share code through libs, never by importing each other.',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/standalone/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^data/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
