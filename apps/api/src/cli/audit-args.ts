/**
 * The audit CLI's command line, read without touching anything (unit-tested apart
 * from the CLI, which opens the store). See audit-cli.ts for the commands.
 */
import { type AsOf, asOfFromText, AuditError } from '@portal/audit';
import { parsePosition, type Position } from '@portal/event-store';

export const USAGE =
  'usage: npm run audit -- export [--stream <id>] [--after <commit/prepare>] [--out <file>]' +
  ' | verify [--stream <id>] [--progress-every <n>]' +
  ' | state <accountId> [--at <iso time> | --revision <n>]';

export type AuditCliCommand =
  | { kind: 'export'; streamId?: string; after?: Position; out?: string }
  | { kind: 'verify'; streamId?: string; progressEvery: number }
  | { kind: 'state'; accountId: string; asOf: AsOf };

/** A command line that cannot be run; the message names the argument at fault. */
export class UsageError extends Error {
  readonly code = 'AUDIT_USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const FLAGS: Record<AuditCliCommand['kind'], readonly string[]> = {
  export: ['--stream', '--after', '--out'],
  verify: ['--stream', '--progress-every'],
  state: ['--at', '--revision'],
};

/** Pure: argv (after the script name) → what to run. Throws UsageError naming the bad argument. */
export function parseAuditArgs(argv: readonly string[]): AuditCliCommand {
  const [kind, ...rest] = argv;
  if (kind === undefined) throw new UsageError('a command is needed: export, verify or state');
  if (!(kind in FLAGS))
    throw new UsageError(`unknown command ${JSON.stringify(kind)}: use export, verify or state`);
  const allowed = FLAGS[kind as AuditCliCommand['kind']];
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!allowed.includes(name))
      throw new UsageError(
        `${kind} does not take ${name}${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}`,
      );
    if (flags.has(name)) throw new UsageError(`${name} is given twice`);
    const value = inline ?? rest[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`${name} needs a value`);
    flags.set(name, value);
  }

  switch (kind as AuditCliCommand['kind']) {
    case 'export': {
      noPositional(kind, positional);
      const after = flags.get('--after');
      return {
        kind: 'export',
        ...(flags.has('--stream') ? { streamId: flags.get('--stream') } : {}),
        ...(after !== undefined ? { after: position(after) } : {}),
        ...(flags.has('--out') ? { out: flags.get('--out') } : {}),
      };
    }
    case 'verify': {
      noPositional(kind, positional);
      const every = flags.get('--progress-every') ?? '10000';
      if (!/^[1-9]\d{0,8}$/.test(every))
        throw new UsageError(
          `--progress-every must be a whole number above 0 (got ${JSON.stringify(every)})`,
        );
      return {
        kind: 'verify',
        ...(flags.has('--stream') ? { streamId: flags.get('--stream') } : {}),
        progressEvery: Number(every),
      };
    }
    case 'state': {
      if (positional.length === 0) throw new UsageError('state needs an <accountId>');
      if (positional.length > 1)
        throw new UsageError(`state takes one <accountId> (got also ${JSON.stringify(positional[1])})`);
      let asOf: AsOf;
      try {
        asOf = asOfFromText({ at: flags.get('--at'), revision: flags.get('--revision') });
      } catch (error) {
        if (error instanceof AuditError) throw new UsageError(asFlag(error));
        throw error;
      }
      return { kind: 'state', accountId: positional[0], asOf };
    }
  }
}

function noPositional(kind: string, positional: string[]): void {
  if (positional.length > 0)
    throw new UsageError(`${kind} takes no ${JSON.stringify(positional[0])} (only flags)`);
}

function position(text: string): Position {
  try {
    return parsePosition(text);
  } catch {
    throw new UsageError(
      `--after must be a position commit/prepare, as in an export line (got ${JSON.stringify(text)})`,
    );
  }
}

/** An AuditError about an option, worded for the command line ("--at: …"). */
export function asFlag(error: AuditError): string {
  const [field, problem] = Object.entries(error.fields ?? {})[0] ?? [];
  if (field === 'at' || field === 'revision') return `--${field} ${problem}`;
  if (field === 'accountId') return `<accountId> ${problem}`;
  if (field === 'streamId') return `--stream ${problem}`;
  return error.message;
}
