/**
 * Area: audit. Auditors' routes under `/v1/audit`: the events as stored, an
 * account's state as of a time or revision, the hash chains, and comparisons of a
 * replay with the live read models. Every route is a query or command on the buses,
 * handled by one of AuditHandlers, and every use is recorded with @RecordsAccess.
 */
import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { AuditController } from './audit.controller';
import {
  AccountStateAsOfHandler,
  ComparisonHandler,
  ExportEventsHandler,
  LastComparisonHandler,
  RequestComparisonHandler,
  VerifyChainsHandler,
  VerifyChainsProgressHandler,
} from './audit.handlers';

export const AuditHandlers = [
  ExportEventsHandler,
  AccountStateAsOfHandler,
  VerifyChainsHandler,
  VerifyChainsProgressHandler,
  RequestComparisonHandler,
  LastComparisonHandler,
  ComparisonHandler,
];

@Module({ imports: [StaffModule], controllers: [AuditController], providers: [...AuditHandlers] })
export class AuditModule {}
