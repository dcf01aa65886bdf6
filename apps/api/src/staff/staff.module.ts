/**
 * Staff credentials and the access log for the API process: one StaffDirectory
 * and one AccessLog (so records of concurrent requests share appends), built from
 * CoreModule's event store and configuration. Import it in the module whose
 * controllers use @StaffOnly; they can then inject AccessLog and StaffDirectory.
 */
import { type BeforeApplicationShutdown, Module } from '@nestjs/common';
import type { AppConfig } from '@portal/config';
import type { EventStore } from '@portal/event-store';
import { APP_CONFIG, EVENT_STORE } from '@portal/runtime';
import { AccessLog, StaffDirectory } from '@portal/staff';
import { StaffGuard } from './staff.guard';

@Module({
  providers: [
    {
      provide: StaffDirectory,
      inject: [EVENT_STORE, APP_CONFIG],
      useFactory: (store: EventStore, config: AppConfig) =>
        new StaffDirectory({ store, hmacKey: config.secrets.hmacKey }),
    },
    {
      provide: AccessLog,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new AccessLog({ store }),
    },
    StaffGuard,
  ],
  exports: [StaffDirectory, AccessLog, StaffGuard],
})
export class StaffModule implements BeforeApplicationShutdown {
  constructor(private readonly accessLog: AccessLog) {}

  /** Before CoreModule closes the event store: records already handed over are stored. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.accessLog.drain();
  }
}
