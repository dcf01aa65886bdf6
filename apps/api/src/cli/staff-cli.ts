/**
 * Staff credentials from a shell, on the store the service uses (EVENTSTORE_URL,
 * else DATA_DIR/events.sqlite) and with its HMAC_KEY:
 *
 *   npm run staff -- create <staffId> --role support [--role auditor]   prints the token, once
 *   npm run staff -- rotate <staffId>                                   prints the new token, once
 *   npm run staff -- revoke <staffId>                                   the token stops working, no new one
 *   npm run staff -- roles <staffId> --role auditor [--role …]          sets the roles
 *   npm run staff -- disable <staffId> --reason "left the team"         for good; ends console sessions
 *   npm run staff -- list                                               with each token's expiry
 *   npm run staff -- set-password <staffId> | totp <staffId>            console sign-in (staff-sign-in-cli.ts)
 *
 * A token works for STAFF_CREDENTIAL_DAYS (90) after it is created or rotated; an expired
 * or revoked one is refused with the same 401 as a wrong one, and `rotate` issues a new one.
 *
 * stdout carries only what a script wants (the token, or the list); everything said
 * to a person goes to stderr. Bad arguments: one line on stderr, exit 2. A refusal
 * (STAFF_EXISTS, STAFF_UNKNOWN, …): one line with its code, exit 1.
 * Events are written with actor `{ kind: 'system', component: 'staff-cli' }`.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '@portal/command';
import type { AppConfig } from '@portal/config';
import { DomainError } from '@portal/domain';
import {
  boot,
  type CliSpec,
  createEventStore,
  createStaffSessionStore,
  readCommandLine,
} from '@portal/runtime';
import { isStaffRole, STAFF_ROLES, StaffDirectory, staffIdProblem, type StaffMember } from '@portal/staff';
import { isSignInCommand, runSignInCommand, SIGN_IN_COMMANDS } from './staff-sign-in-cli';

const USAGE =
  'usage: npm run staff -- create <staffId> --role <role> [--role <role>] | rotate <staffId> | revoke <staffId> | ' +
  'roles <staffId> --role <role> [--role <role>] | disable <staffId> --reason "<why>" | list | ' +
  'set-password <staffId> | totp <staffId>';

class UsageError extends Error {}

const role = { role: { type: 'string', multiple: true } } as const;
export const STAFF_CLI: CliSpec = {
  name: 'staff',
  about: "staff credentials on the service's store (npm run staff -- … or portal-staff …)",
  commands: {
    create: {
      usage: 'staff create <staffId> --role <role> [--role <role>]   prints the token, once',
      options: role,
    },
    rotate: { usage: 'staff rotate <staffId>   prints the new token, once; the old one stops working' },
    revoke: { usage: 'staff revoke <staffId>   the token stops working at once; rotate issues a new one' },
    roles: { usage: 'staff roles <staffId> --role <role> [--role <role>]   sets the roles', options: role },
    disable: {
      usage: 'staff disable <staffId> --reason "<why>"   for good; ends their console sessions',
      options: { reason: { type: 'string' } },
    },
    list: { usage: 'staff list   each staff member, with the roles and when the token expires' },
    ...SIGN_IN_COMMANDS,
  },
};

type Parsed =
  | { command: 'create' | 'roles'; staffId: string; roles: string[] }
  | { command: 'rotate' | 'revoke'; staffId: string }
  | { command: 'disable'; staffId: string; reason: string }
  | { command: 'list' }
  | { command: 'set-password'; staffId: string }
  | { command: 'totp'; staffId: string };

/** Reads the arguments completely before anything is opened, so a typo costs nothing. */
export function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const roles: string[] = [];
  let reason: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--role' || flag === '--reason') {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      if (flag === '--role') roles.push(...value.split(',').map((r) => r.trim()));
      else reason = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    } else positional.push(arg);
  }
  const allowed = (flags: { roles?: boolean; reason?: boolean }) => {
    if (!flags.roles && roles.length > 0) throw new UsageError(`${command} takes no --role`);
    if (!flags.reason && reason !== undefined) throw new UsageError(`${command} takes no --reason`);
  };
  const staffIdArg = (): string => {
    if (positional.length !== 1) throw new UsageError(`${command} needs exactly one staff id`);
    const problem = staffIdProblem(positional[0]);
    if (problem) throw new UsageError(`invalid staff id: ${problem}`);
    return positional[0];
  };
  const rolesArg = (): string[] => {
    if (roles.length === 0)
      throw new UsageError(`${command} needs at least one --role (${STAFF_ROLES.join(', ')})`);
    const unknown = roles.filter((r) => !isStaffRole(r));
    if (unknown.length > 0)
      throw new UsageError(`unknown role ${JSON.stringify(unknown[0])}: roles are ${STAFF_ROLES.join(', ')}`);
    return roles;
  };
  if (isSignInCommand(command)) {
    allowed({});
    return { command, staffId: staffIdArg() } as Parsed;
  }
  switch (command) {
    case 'create':
    case 'roles':
      allowed({ roles: true });
      return { command, staffId: staffIdArg(), roles: rolesArg() };
    case 'rotate':
    case 'revoke':
      allowed({});
      return { command, staffId: staffIdArg() };
    case 'disable': {
      allowed({ reason: true });
      const staffId = staffIdArg();
      if (reason === undefined || reason.trim() === '')
        throw new UsageError('disable needs --reason "<why>"');
      return { command, staffId, reason };
    }
    case 'list':
      allowed({});
      if (positional.length > 0) throw new UsageError('list takes no arguments');
      return { command };
    default:
      throw new UsageError(
        command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`,
      );
  }
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** Where `set-password` reads the password (process.stdin when run from a shell). */
  stdin?: Readable & { isTTY?: boolean };
}

const tokenOf = (m: StaffMember) =>
  m.sso
    ? `single sign-on at ${m.sso.issuer}`
    : m.token === 'revoked'
      ? 'token revoked'
      : `token ${m.token === 'expired' ? 'expired' : 'expires'} ${m.expiresAt}`;

const line = (m: StaffMember) =>
  `${m.staffId}  ${m.status}  roles: ${m.roles.join(', ')}  created ${m.createdAt}  ${tokenOf(m)}` +
  (m.disabledReason !== undefined ? `  disabled: ${m.disabledReason}` : '');

/** Runs one command; resolves to the exit code. */
export async function runStaffCli(argv: readonly string[], io: CliIo): Promise<number> {
  const shell = readCommandLine(STAFF_CLI, argv, io);
  if (typeof shell === 'number') return shell;
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`staff: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  // Log lines go to stderr: stdout is for the token alone.
  const { config } = boot('staff-cli', { env: { LOG_LEVEL: 'warn', ...io.env }, logDestination: io.stderr });
  const store = createEventStore(config.eventStore);
  const directory = new StaffDirectory({
    store,
    hmacKey: config.secrets.hmacKey,
    credentialDays: config.staffCredentialDays,
  });
  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'system', component: 'staff-cli' },
    occurredAt: new Date(),
  });
  try {
    if (parsed.command === 'set-password' || parsed.command === 'totp')
      return await runSignInCommand(parsed.command, parsed.staffId, {
        store,
        hmacKey: config.secrets.hmacKey,
        ctx,
        io: { stdin: io.stdin ?? process.stdin, stdout: io.stdout, stderr: io.stderr },
      });
    switch (parsed.command) {
      case 'create': {
        const { member, token } = await directory.create(parsed.staffId, parsed.roles, ctx());
        io.stderr.write(
          `created ${line(member)}\nThe token follows, shown this once; hand it over securely.\n`,
        );
        io.stdout.write(`${token}\n`);
        return 0;
      }
      case 'rotate': {
        const { member, token } = await directory.rotateSecret(parsed.staffId, ctx());
        io.stderr.write(
          `rotated ${member.staffId}: the old token no longer works; the new one ${tokenOf(member)}.\nThe new token follows, shown this once.\n`,
        );
        io.stdout.write(`${token}\n`);
        return 0;
      }
      case 'revoke': {
        const { member, changed } = await directory.revokeSecret(parsed.staffId, ctx());
        io.stderr.write(
          `${changed ? 'revoked' : 'already revoked'}: ${line(member)}\nstaff rotate ${member.staffId} issues a new token.\n`,
        );
        return 0;
      }
      case 'roles': {
        const { member, changed } = await directory.changeRoles(parsed.staffId, parsed.roles, ctx());
        io.stderr.write(`${changed ? 'roles set' : 'roles unchanged'}: ${line(member)}\n`);
        return 0;
      }
      case 'disable': {
        const { member, changed } = await directory.disable(parsed.staffId, parsed.reason, ctx());
        io.stderr.write(`${changed ? 'disabled' : 'already disabled'}: ${line(member)}\n`);
        io.stderr.write(`${await endConsoleSessions(config, parsed.staffId)}\n`);
        return 0;
      }
      case 'list': {
        const members = await directory.list();
        for (const m of members) io.stdout.write(`${line(m)}\n`);
        if (members.length === 0) io.stderr.write('no staff members yet\n');
        return 0;
      }
      default: {
        const unhandled: never = parsed;
        return unhandled;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) {
      io.stderr.write(`staff: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

/**
 * Ends the disabled member's console sessions in the shared store. The disable already
 * holds without it (the API reads the staff stream on every request and refuses a disabled
 * member's session), so a store that does not answer is said, not fatal.
 */
async function endConsoleSessions(config: AppConfig, staffId: string): Promise<string> {
  const sessions = createStaffSessionStore(config);
  try {
    const ended = await sessions.revokeAllFor(staffId, Date.now());
    return `console sessions ended: ${ended}`;
  } catch (error) {
    return `console sessions not ended now (${(error as Error).name}); the API refuses them at their next request`;
  } finally {
    await sessions.close().catch(() => undefined);
  }
}

if (require.main === module) {
  runStaffCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: process.stdin,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`staff: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
