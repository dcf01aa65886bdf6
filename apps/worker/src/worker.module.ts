import { Module } from '@nestjs/common';
import { DeliveryWorkerService } from './delivery-worker.service';

/**
 * Queue processors for email and letters (libs/notifications).
 * Needs CoreModule from whoever boots it: its own main.ts, or apps/standalone.
 */
@Module({ providers: [DeliveryWorkerService] })
export class WorkerModule {}
