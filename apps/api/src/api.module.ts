import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/**
 * The HTTP API: portal, support and audit routes over the command and query buses.
 * Needs CoreModule (configuration, logger, event store) from whoever boots it:
 * its own main.ts, or apps/standalone with the other roles.
 */
@Module({ imports: [CqrsModule.forRoot()] })
export class ApiModule {}
