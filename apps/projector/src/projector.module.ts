import { Module } from '@nestjs/common';
import { DeliveryReactorService } from './delivery-reactor.service';
import { ProjectorLeaseService } from './projector-lease.service';
import { ReadModelProjectorService } from './read-model-projector.service';

/**
 * Catch-up subscriptions to all events: the read-model projector (events →
 * documents) and the delivery reactor (events → jobs), run by the one process
 * holding the projector lease (ProjectorLeaseService).
 * Needs CoreModule from whoever boots it: its own main.ts, or apps/standalone.
 */
@Module({ providers: [ReadModelProjectorService, DeliveryReactorService, ProjectorLeaseService] })
export class ProjectorModule {}
