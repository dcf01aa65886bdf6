import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { READINESS } from '../tokens';
import type { Readiness, ReadinessReport } from '../readiness';

/**
 * Liveness and readiness: unversioned, for orchestrators, not for portals. Prometheus
 * metrics are not here but on the operations listener (metrics-listener.ts), so that
 * nobody who can reach the API can read them.
 */
@ApiTags('operations')
@Controller()
export class OpsController {
  constructor(@Inject(READINESS) private readonly readiness: Readiness) {}
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
}
