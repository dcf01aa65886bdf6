import 'reflect-metadata';
import { runProcess } from '@portal/runtime';
import { PORTAL_ERROR_STATUS } from '../../api/src/errors';
import { API_DESCRIPTION, completeApiDocument } from '../../api/src/openapi';
import { roleModules } from './standalone.module';

/** `npm start`: the roles named by ROLES (all three by default) in one process. */
void runProcess('standalone', (b) => roleModules(b.config.roles), {
  title: 'Portal account service',
  description: API_DESCRIPTION,
  completeDocument: completeApiDocument,
  errorMapping: { domainStatus: PORTAL_ERROR_STATUS },
});
