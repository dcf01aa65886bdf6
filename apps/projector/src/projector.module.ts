import { Module } from '@nestjs/common';
import { DeliveryReactorService } from './delivery-reactor.service';

/**
 * Catch-up subscriptions to all events: the delivery reactor (events → jobs);
 * the read-model projections arrive with the read-model work.
 * Needs CoreModule from whoever boots it: its own main.ts, or apps/standalone.
 */
@Module({ providers: [DeliveryReactorService] })
export class ProjectorModule {}
