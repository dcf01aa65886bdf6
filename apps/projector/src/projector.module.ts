import { Module } from '@nestjs/common';

/**
 * Catch-up subscription to all events → read models (the projections arrive with the read-model work).
 * Needs CoreModule from whoever boots it: its own main.ts, or apps/standalone.
 */
@Module({})
export class ProjectorModule {}
