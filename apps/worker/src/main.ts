import 'reflect-metadata';
import { runProcess } from '@portal/runtime';
import { WorkerModule } from './worker.module';

/** The worker as its own process, with /health and /metrics for the orchestrator. */
void runProcess('worker', () => [WorkerModule], { title: 'Portal account service: worker' });
