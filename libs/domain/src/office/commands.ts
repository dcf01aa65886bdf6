/**
 * Commands to the Office decider. `administratorId` is the signed-in account
 * acting as ID administrator; whether it may act (a user of this office holding
 * `manage-users`) is decided here, from the office's own stream.
 */
import type { OfficeFunction } from './functions';

export type OfficeCommand =
  | {
      type: 'RegisterOffice';
      officeId: string;
      name: string;
      npi: string;
      taxId: string;
      administratorId: string;
    }
  | { type: 'ApproveOfficeAdministrator'; staffId: string }
  | { type: 'CreateOfficeUser'; administratorId: string; accountId: string; functions: OfficeFunction[] }
  | { type: 'ResetOfficeUserPassword'; administratorId: string; accountId: string }
  | { type: 'GrantOfficeFunction'; administratorId: string; accountId: string; function: OfficeFunction }
  | { type: 'RevokeOfficeFunction'; administratorId: string; accountId: string; function: OfficeFunction };

export type OfficeCommandType = OfficeCommand['type'];
