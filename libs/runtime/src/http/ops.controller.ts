import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Metrics } from '@portal/observability';
import { METRICS, READINESS } from '../tokens';
import type { Readiness, ReadinessReport } from '../readiness';

/** Liveness, readiness and metrics: unversioned, for orchestrators and Prometheus, not for portals. */
@ApiTags('operations')
@Controller()
export class OpsController {
  constructor(
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  @Get('health')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @ApiOperation({
    summary: 'Readiness: 200 when every dependency answers, else 503 naming the one that did not',
  })
  async ready(
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    reply.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics' })
  async scrape(
    @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown },
  ): Promise<string> {
    const { contentType, body } = await this.metrics.render();
    reply.header('Content-Type', contentType);
    return body;
  }
}
