/**
 * Staff credentials and the access log for the API process: one StaffDirectory
 * and one AccessLog (so records of concurrent requests share appends), built from
 * CoreModule's event store and configuration, the console's sign-in, and its sessions
 * over CoreModule's STAFF_SESSION_STORE (shared by every API instance),
 * and the guard and interceptor over them. Import it in the module whose controllers use @StaffOnly and @RecordsAccess.
 */
import { type BeforeApplicationShutdown, Module } from '@nestjs/common';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import type { Logger } from '@portal/observability';
import type { SessionStore } from '@portal/accounts';
import { APP_CONFIG, EVENT_STORE, LOGGER, PASSWORD_HASHER, STAFF_SESSION_STORE } from '@portal/runtime';
import { matchTimeStep, newTotpSecret, otpauthUri, PasswordHasher } from '@portal/security';
import { AccessLog, StaffDirectory, StaffSignInService } from '@portal/staff';
import { StaffSessions } from './staff-sessions';
import { AccessInterceptor } from './records-access';
import { StaffGuard } from './staff.guard';

@Module({
  providers: [
    {
      provide: StaffDirectory,
      inject: [EVENT_STORE, APP_CONFIG],
      useFactory: (store: EventStore, config: AppConfig) =>
        new StaffDirectory({
          store,
          hmacKey: config.secrets.hmacKey,
          credentialDays: config.staffCredentialDays,
        }),
    },
    {
      provide: AccessLog,
      inject: [EVENT_STORE, LOGGER],
      useFactory: (store: EventStore, logger: Logger) =>
        new AccessLog({
          store,
          // Kept and tried again; said loudly, as refusals that are never recorded are an audit gap.
          onRefusalsNotRecorded: (error, lost) =>
            logger.error(
              { errorName: (error as Error).name, lostRefusals: lost },
              'staff refusal counts could not be recorded; trying again',
            ),
        }),
    },
    {
      provide: StaffSessions,
      inject: [STAFF_SESSION_STORE],
      useFactory: (store: SessionStore) => new StaffSessions(store),
    },
    {
      provide: StaffSignInService,
      // The process's hasher (its semaphore shared with the portal's logins) when CoreModule has one.
      inject: [EVENT_STORE, APP_CONFIG, { token: PASSWORD_HASHER, optional: true }],
      useFactory: (store: EventStore, config: AppConfig, passwords: PasswordHasher | undefined) =>
        new StaffSignInService({
          store,
          hmacKey: config.secrets.hmacKey,
          passwords: passwords ?? new PasswordHasher(),
          totp: { newSecret: newTotpSecret, uri: otpauthUri, matchTimeStep },
        }),
    },
    StaffGuard,
    AccessInterceptor,
  ],
  exports: [StaffDirectory, AccessLog, StaffGuard, AccessInterceptor, StaffSessions, StaffSignInService],
})
export class StaffModule implements BeforeApplicationShutdown {
  constructor(private readonly accessLog: AccessLog) {}

  /** Before CoreModule closes the event store: records already handed over, and refusal counts, are stored. */
  async beforeApplicationShutdown(): Promise<void> {
    this.accessLog.close();
    await this.accessLog.drain();
  }
}
