/**
 * Prometheus metrics. One registry per running app (not prom-client's global),
 * so that tests can boot several apps in one process without name clashes.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  private readonly readers = new Map<string, () => number>();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly eventsAppended: Counter<'category'>;
  readonly commandConflicts: Counter<'category'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.eventsAppended = new Counter({
      name: 'events_appended_total',
      help: 'Events appended, by stream category (account, username, …)',
      labelNames: ['category'],
      registers: [this.registry],
    });
    this.commandConflicts = new Counter({
      name: 'command_conflicts_total',
      help: 'Appends refused for a stale expected revision (then retried)',
      labelNames: ['category'],
      registers: [this.registry],
    });
  }

  gauge(name: string, help: string, labelNames: string[] = []): Gauge<string> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Gauge<string>;
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  /**
   * A gauge whose value is read when the metrics are scraped (the reader registered last
   * wins). For a lag: "how long has the oldest waiting thing waited, now", which is 0 when
   * nothing waits, rather than a value left behind by the last thing done (which moves
   * only when something was done, and so would tell what was).
   */
  sampledGauge(name: string, help: string, read: () => number): void {
    this.readers.set(name, read);
    if (this.registry.getSingleMetric(name)) return;
    const readers = this.readers;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(readers.get(name)!());
      },
    });
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<string>;
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** `account-1234` → `account`: the label for a stream without its id. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
