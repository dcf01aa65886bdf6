/**
 * Area: console single sign-on (OpenID Connect). `GET /v1/staff/sso`, `/start` and `/callback`;
 * the provider's side in sso-client.ts, the sign-in (a command on the bus) in staff-sso.handlers.ts.
 */
import { Module } from '@nestjs/common';
import type { AppConfig } from '@portal/config';
import { APP_CONFIG } from '@portal/runtime';
import { StaffModule } from '../staff';
import { SsoClient } from './sso-client';
import { StaffSsoController } from './staff-sso.controller';
import { FinishSsoHandler, SSO_CLIENT, StartSsoHandler } from './staff-sso.handlers';

@Module({
  imports: [StaffModule],
  controllers: [StaffSsoController],
  providers: [
    {
      provide: SSO_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.sso ? new SsoClient(config.sso, config.secrets.hmacKey) : null,
    },
    StartSsoHandler,
    FinishSsoHandler,
  ],
})
export class StaffSsoModule {}
