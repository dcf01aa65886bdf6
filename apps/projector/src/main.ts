import 'reflect-metadata';
import { runProcess } from '@portal/runtime';
import { ProjectorModule } from './projector.module';

/** The projector as its own process, with /health and /metrics for the orchestrator. */
void runProcess('projector', () => [ProjectorModule], { title: 'Portal account service: projector' });
