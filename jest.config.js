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
const common = {
  // NestJS 12 ships ES modules only; Node 20 can require() them but Jest's module
  // system cannot (before Node 24.9), so Jest compiles them to CommonJS like our own code.
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@fastify/static|otplib|@otplib)/)'],
  moduleNameMapper: { '^@portal/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  rootDir: __dirname,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/data/'],
};
// Suites for the production adapters run whenever their server is configured:
// `*.esdb.int-spec.ts` needs EVENTSTORE_URL, `*.mongo.int-spec.ts` needs MONGO_URL.
// Without the URL the file is not collected at all (nothing is skipped).
const serverSuites = [];
if (!process.env.EVENTSTORE_URL) serverSuites.push('\\.esdb\\.int-spec\\.ts$');
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
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
