import 'reflect-metadata';
import { runProcess } from '@portal/runtime';
import { ApiModule } from './api.module';
import { PORTAL_ERROR_STATUS } from './errors';
import { API_DESCRIPTION, completeApiDocument } from './openapi';

/** The API as its own process (production). `npm start` runs apps/standalone instead. */
void runProcess('api', () => [ApiModule], {
  title: 'Portal account service',
  description: API_DESCRIPTION,
  completeDocument: completeApiDocument,
  errorMapping: { domainStatus: PORTAL_ERROR_STATUS },
});
