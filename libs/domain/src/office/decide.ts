/**
 * decide(command, state) for a provider office (seed 004: "Check with the ID
 * Administrator in your office … Create IDs, Reset passwords, Control access for
 * website functions for your office staff"). Only a user of this office holding
 * `manage-users` acts on its users, and only on users of this office.
 */
import { accept, type Decision, reject } from '../decider';
import { OfficeErrors } from './errors';
import type { OfficeCommand } from './commands';
import type { OfficeEvent } from './events';
import type { OfficeFunction } from './functions';
import { administratorsOf, type OfficeState } from './state';

type D = Decision<OfficeEvent>;

export function decideOffice(command: OfficeCommand, state: OfficeState): D {
  switch (command.type) {
    case 'RegisterOffice': {
      if (state.status !== 'new') return reject(OfficeErrors.alreadyRegistered());
      const fields = officeProblems(command);
      if (Object.keys(fields).length > 0) return reject(OfficeErrors.validationFailed(fields));
      return accept<OfficeEvent>({
        type: 'OfficeRegistered',
        data: {
          officeId: command.officeId,
          name: command.name.trim(),
          npi: command.npi.trim(),
          taxId: digits(command.taxId),
          administratorId: command.administratorId,
        },
      });
    }
    case 'ApproveOfficeAdministrator': {
      if (state.status === 'new') return reject(OfficeErrors.notFound());
      if (state.status === 'active') return reject(OfficeErrors.alreadyApproved());
      return accept<OfficeEvent>({
        type: 'OfficeAdministratorApproved',
        data: { accountId: state.firstAdministrator!, by: command.staffId },
      });
    }
    case 'CreateOfficeUser': {
      const refused = refuseUnlessAdministrator(state, command.administratorId);
      if (refused) return refused;
      if (state.users[command.accountId]) return reject(OfficeErrors.userExists());
      const by = command.administratorId;
      return accept<OfficeEvent>(
        { type: 'OfficeUserCreated', data: { accountId: command.accountId, by } },
        ...unique(command.functions).map((f): OfficeEvent => ({
          type: 'OfficeFunctionGranted',
          data: { accountId: command.accountId, function: f, by },
        })),
      );
    }
    case 'ResetOfficeUserPassword': {
      const refused =
        refuseUnlessAdministrator(state, command.administratorId) ??
        refuseUnlessUser(state, command.accountId);
      if (refused) return refused;
      return accept<OfficeEvent>({
        type: 'OfficeUserPasswordReset',
        data: { accountId: command.accountId, by: command.administratorId },
      });
    }
    case 'GrantOfficeFunction': {
      const refused =
        refuseUnlessAdministrator(state, command.administratorId) ??
        refuseUnlessUser(state, command.accountId);
      if (refused) return refused;
      if (state.users[command.accountId].functions.includes(command.function)) return accept<OfficeEvent>();
      return accept<OfficeEvent>({
        type: 'OfficeFunctionGranted',
        data: { accountId: command.accountId, function: command.function, by: command.administratorId },
      });
    }
    case 'RevokeOfficeFunction': {
      const refused =
        refuseUnlessAdministrator(state, command.administratorId) ??
        refuseUnlessUser(state, command.accountId);
      if (refused) return refused;
      if (!state.users[command.accountId].functions.includes(command.function)) return accept<OfficeEvent>();
      // An office whose last administrator gives up managing users could never be managed again.
      if (command.function === 'manage-users' && administratorsOf(state).length === 1)
        return reject(OfficeErrors.lastAdministrator());
      return accept<OfficeEvent>({
        type: 'OfficeFunctionRevoked',
        data: { accountId: command.accountId, function: command.function, by: command.administratorId },
      });
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function refuseUnlessAdministrator(state: OfficeState, administratorId: string): D | undefined {
  if (state.status === 'new') return reject(OfficeErrors.notFound());
  if (state.status === 'pending') return reject(OfficeErrors.notApproved());
  if (!state.users[administratorId]?.functions.includes('manage-users'))
    return reject(OfficeErrors.functionNotGranted());
  return undefined;
}

function refuseUnlessUser(state: OfficeState, accountId: string): D | undefined {
  return state.users[accountId] ? undefined : reject(OfficeErrors.userNotFound());
}

function unique(functions: OfficeFunction[]): OfficeFunction[] {
  return [...new Set(functions)];
}

const digits = (s: string) => s.replace(/[\s-]/g, '');

function officeProblems(c: { name: string; npi: string; taxId: string }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!c.name.trim()) fields.officeName = 'Enter the office’s name.';
  if (!isNpi(c.npi.trim())) fields.npi = 'Enter the office’s 10-digit NPI.';
  if (!/^\d{9}$/.test(digits(c.taxId))) fields.taxId = 'Enter the office’s 9-digit tax id.';
  return fields;
}

/** A National Provider Identifier: 10 digits whose last is a Luhn check digit over 80840 + the first nine. */
export function isNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const all = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < all.length; i++) {
    let d = Number(all[all.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
