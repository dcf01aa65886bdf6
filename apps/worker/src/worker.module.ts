import { Module } from '@nestjs/common';

/**
 * Queue processors for email and letters (the processors arrive with the notifications work).
 * Needs CoreModule from whoever boots it: its own main.ts, or apps/standalone.
 */
@Module({})
export class WorkerModule {}
