/**
 * What each app's main.ts does: read the configuration (or stop with one line
 * naming every wrong setting), make the logger and metrics, boot, listen.
 */
import { ConfigError, describeAdapters, loadConfig, type AppConfig } from '@portal/config';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { createLogger, type Logger, Metrics } from '@portal/observability';
import { CoreModule } from './core.module';
import { checkDataDir } from './data-dir';
import { createHttpApp, type HttpAppOptions } from './http/create-http-app';
import { listenForMetrics } from './http/metrics-listener';

export interface Boot {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
}

/** The sample members `npm start` ships with (beside this file in the source tree and in dist/ alike). */
export const DEMO_ROSTER = join(__dirname, '..', '..', 'roster', 'demo', 'roster.csv');

export interface BootOptions {
  env?: Record<string, string | undefined>;
  defaults?: { rosterFile?: string };
  /** Where log lines go (stdout by default); tests collect them to look for leaked secrets. */
  logDestination?: DestinationStream;
}

export function boot(component: string, options: BootOptions = {}): Boot {
  let config: AppConfig;
  try {
    config = loadConfig(options.env ?? process.env, options.defaults ?? { rosterFile: DEMO_ROSTER });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${component}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({
    level: config.logLevel,
    name: component,
    destination: options.logDestination,
  });
  logger.info({ env: config.env, roles: [...config.roles], adapters: describeAdapters(config) }, 'starting');
  return { config, logger, metrics: new Metrics() };
}

/** Last resort: an error nobody caught is logged by kind and stack, and the process stops (the supervisor restarts it). */
export function exitOnFatal(logger: Logger): void {
  const fatal = (kind: string) => (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    // The frames only: the first line repeats the message, which may quote a value.
    logger.fatal(
      { kind, errorName: err.name, stack: err.stack?.split('\n').slice(1).join('\n') },
      'fatal error',
    );
    process.exit(1);
  };
  process.on('uncaughtException', fatal('uncaughtException'));
  process.on('unhandledRejection', fatal('unhandledRejection'));
}

/**
 * Boots one process: configuration, logger, CoreModule and the given feature
 * modules behind one HTTP server (portal routes and/or /health), listening; and
 * the operations listener with /metrics on METRICS_HOST:METRICS_PORT unless that is 0.
 */
export async function runProcess(
  component: string,
  features: (b: Boot) => unknown[],
  http: Pick<HttpAppOptions, 'title' | 'description' | 'errorMapping' | 'completeDocument'>,
): Promise<void> {
  const b = boot(component);
  const dataDirProblem = checkDataDir(b.config);
  if (dataDirProblem) {
    process.stderr.write(`${component}: ${dataDirProblem}\n`);
    process.exit(78); // EX_CONFIG: a setting to change, not a crash to restart into
  }
  exitOnFatal(b.logger);
  const root = { module: class ProcessModule {}, imports: [CoreModule.forRoot(b), ...features(b)] };
  const app = await createHttpApp(root, {
    logger: b.logger,
    metrics: b.metrics,
    trustProxy: b.config.trustProxy,
    corsOrigins: b.config.corsOrigins,
    ...http,
  });
  await app.listen(b.config.port, b.config.host);
  b.logger.info({ url: await app.getUrl(), roles: [...b.config.roles] }, 'listening');
  if (b.config.metrics.port !== 0) {
    const { host, port } = b.config.metrics;
    const ops = await listenForMetrics(b.metrics, b.config.metrics, b.logger).catch((error: unknown) => {
      // Two processes on one host need a METRICS_PORT each; say so rather than die of an unnamed EADDRINUSE.
      b.logger.fatal(
        { errorName: (error as Error).name, code: (error as { code?: unknown }).code, host, port },
        'the metrics listener could not start: give each process on a host its own METRICS_PORT (0 for none)',
      );
      process.exit(1);
    });
    app.getHttpServer().once('close', () => void ops.close());
    b.logger.info({ url: ops.url }, 'metrics listening');
  }
}
