/**
 * The house plan as rules (dependency-cruiser), checked by test/house-rules.test.ts on every run.
 * Pure stages take data and return data: they never reach the network, a database, Telegram,
 * a clock-driven scheduler or the adapters. Adapters sit at the edges and may import the stages.
 */
const PURE = '^src/(feeds|figures|digest|render|series|domain|i18n)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-stage-imports-adapter',
      comment: 'A pure stage imports an adapter (store, net, bot, delivery, cli, app, ops, jobs, fleet, llm, service): pass the data in instead.',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^src/(store|net|bot|delivery|cli|app|ops|jobs|fleet|llm|service)/' },
    },
    {
      name: 'pure-stage-imports-io-package',
      comment: 'A pure stage imports a database, network, Telegram or scheduling package.',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^node_modules/(pg|better-sqlite3|kysely|telegraf|undici|node-cron|pino|prom-client|ioredis|redis)/' },
    },
    {
      name: 'pure-stage-imports-io-module',
      comment: 'A pure stage imports a Node I/O module (network, processes, files).',
      severity: 'error',
      // Reading the package's own static assets (fonts for the card, message files) is the one
      // file access allowed, each in a file named for it.
      from: { path: PURE, pathNot: '^src/(render/card/card-fonts|i18n/translator)\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(http|https|http2|net|tls|dns|dgram|child_process|cluster|worker_threads|fs|fs/promises)$' },
    },
    {
      name: 'store-port-without-sql',
      comment: 'Only the store adapters speak SQL: the rest of the app uses the Store port.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^(node_modules/(pg|better-sqlite3|kysely)/|src/store/(sql|sqlite|postgres)/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
