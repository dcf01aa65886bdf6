/**
 * The staff CLI's enrolment for console sign-in (people, not automation):
 *
 *   npm run staff -- set-password <staffId>   reads the password from stdin (hidden when a terminal)
 *   npm run staff -- totp <staffId>           prints an otpauth:// URI, once (a new secret each time)
 *
 * Both are events on the staff member's stream (StaffPasswordSet, StaffTotpEnrolled);
 * the password is stored as its argon2id hash and the TOTP secret sealed.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandContext } from '@portal/command';
import type { EventStore } from '@portal/event-store';
import { matchTimeStep, newTotpSecret, otpauthUri, PasswordHasher } from '@portal/security';
import { StaffPasswordError, StaffSignInService } from '@portal/staff';

export const SIGN_IN_COMMANDS = {
  'set-password': {
    usage: 'staff set-password <staffId>   reads a password (12+ characters) from stdin, for console sign-in',
  },
  totp: { usage: 'staff totp <staffId>   prints an otpauth:// URI for an authenticator app, once' },
} as const;

export type SignInCommand = keyof typeof SIGN_IN_COMMANDS;

export const isSignInCommand = (command: string | undefined): command is SignInCommand =>
  command !== undefined && Object.hasOwn(SIGN_IN_COMMANDS, command);

export interface SignInIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
}

/** One line from stdin; on a terminal the prompt is shown and what is typed is not echoed. */
export function readSecretLine(io: SignInIo, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const tty = io.stdin.isTTY === true;
    if (tty) io.stderr.write(prompt);
    const rl = createInterface({ input: io.stdin, terminal: tty, output: tty ? io.stderr : undefined });
    // Nothing typed is echoed: the prompt was written above, directly.
    if (tty) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      if (tty) io.stderr.write('\n');
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) reject(new StaffPasswordError('a line on stdin (none was given)'));
    });
  });
}

/** Runs `set-password` or `totp`; resolves to the exit code. */
export async function runSignInCommand(
  command: SignInCommand,
  staffId: string,
  deps: { store: EventStore; hmacKey: Buffer; ctx: () => CommandContext; io: SignInIo },
): Promise<number> {
  const service = new StaffSignInService({
    store: deps.store,
    hmacKey: deps.hmacKey,
    passwords: new PasswordHasher(),
    totp: { newSecret: newTotpSecret, uri: otpauthUri, matchTimeStep },
  });
  const { io } = deps;
  try {
    if (command === 'set-password') {
      const password = await readSecretLine(io, `Password for ${staffId} (12+ characters, not shown): `);
      await service.setPassword(staffId, password, deps.ctx());
      io.stderr.write(`password set for ${staffId}: console sign-in needs it with an authenticator code.\n`);
      return 0;
    }
    const { uri } = await service.enrolTotp(staffId, deps.ctx());
    io.stderr.write(
      `authenticator enrolled for ${staffId} (any earlier one no longer works).\n` +
        'The otpauth URI follows, shown this once: add it to the authenticator app (or as a QR code).\n',
    );
    io.stdout.write(`${uri}\n`);
    return 0;
  } catch (error) {
    if (error instanceof StaffPasswordError) {
      io.stderr.write(`staff: ${error.code}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
