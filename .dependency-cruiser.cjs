/**
 * Layer rules (checked by `npm run lint`):
 * - the domain is pure: no Nest, no adapters, no other lib, no Node I/O;
 * - an app never imports another app (they share code through libs), except
 *   apps/standalone, which only composes the three into one process for `npm start`;
 * - a lib never imports an app;
 * - no cycles.
 */
module.exports = {
  forbidden: [
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
