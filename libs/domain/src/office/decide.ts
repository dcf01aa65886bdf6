/**
 * decide(command, state) for a provider office (seed 004: "Check with the ID
 * Administrator in your office … Create IDs, Reset passwords, Control access for
 * website functions for your office staff"). Only a user of this office holding
 * `manage-users` acts on its users, and only on users of this office.
 */
import { type Decision, DomainError } from '../decider';
import { OfficeErrorCodes as C } from './errors';
import type { OfficeCommand } from './commands';
import type { OfficeEvent } from './events';
import type { OfficeFunction } from './functions';
import { administratorsOf, type OfficeState } from './state';

type D = Decision<OfficeEvent>;
const ok = (...events: OfficeEvent[]): D => ({ events });
const no = (code: string, message: string, fields?: Record<string, string>): D => ({
  events: [],
  rejection: new DomainError(code, message, fields),
});

const USER_NOT_FOUND = () => no(C.OFFICE_USER_NOT_FOUND, 'No user with this id in your office.');

export function decideOffice(command: OfficeCommand, state: OfficeState): D {
  switch (command.type) {
    case 'RegisterOffice': {
      if (state.status !== 'new')
        return no(C.OFFICE_ALREADY_REGISTERED, 'This office is already registered.');
      const fields = officeProblems(command);
      if (Object.keys(fields).length > 0)
        return no(
          C.OFFICE_VALIDATION_FAILED,
          'Some fields need attention. Each is named in "fields".',
          fields,
        );
      return ok({
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
      if (state.status === 'new') return no(C.OFFICE_NOT_FOUND, 'No office with this id.');
      if (state.status === 'active')
        return no(C.OFFICE_ALREADY_APPROVED, 'This office and its administrator are already approved.');
      return ok({
        type: 'OfficeAdministratorApproved',
        data: { accountId: state.firstAdministrator!, by: command.staffId },
      });
    }
    case 'CreateOfficeUser': {
      const refused = refuseUnlessAdministrator(state, command.administratorId);
      if (refused) return refused;
      if (state.users[command.accountId])
        return no(C.OFFICE_USER_EXISTS, 'This user is already in your office.');
      const by = command.administratorId;
      return ok(
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
      return ok({
        type: 'OfficeUserPasswordReset',
        data: { accountId: command.accountId, by: command.administratorId },
      });
    }
    case 'GrantOfficeFunction': {
      const refused =
        refuseUnlessAdministrator(state, command.administratorId) ??
        refuseUnlessUser(state, command.accountId);
      if (refused) return refused;
      if (state.users[command.accountId].functions.includes(command.function)) return ok();
      return ok({
        type: 'OfficeFunctionGranted',
        data: { accountId: command.accountId, function: command.function, by: command.administratorId },
      });
    }
    case 'RevokeOfficeFunction': {
      const refused =
        refuseUnlessAdministrator(state, command.administratorId) ??
        refuseUnlessUser(state, command.accountId);
      if (refused) return refused;
      if (!state.users[command.accountId].functions.includes(command.function)) return ok();
      // An office whose last administrator gives up managing users could never be managed again.
      if (command.function === 'manage-users' && administratorsOf(state).length === 1)
        return no(
          C.LAST_ADMINISTRATOR,
          'This is the office’s last ID administrator. Grant manage-users to someone else first.',
        );
      return ok({
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
  if (state.status === 'new') return no(C.OFFICE_NOT_FOUND, 'No office with this id.');
  if (state.status === 'pending')
    return no(C.OFFICE_NOT_APPROVED, 'The plan has not approved this office’s ID administrator yet.');
  if (!state.users[administratorId]?.functions.includes('manage-users'))
    return no(C.FUNCTION_NOT_GRANTED, 'Your office has not given you access to manage users.');
  return undefined;
}

function refuseUnlessUser(state: OfficeState, accountId: string): D | undefined {
  return state.users[accountId] ? undefined : USER_NOT_FOUND();
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
