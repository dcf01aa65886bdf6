/**
 * The shell every command-line tool shares: how its arguments are checked before
 * anything is opened (`readCommandLine`), how progress is shown (`progressLine`),
 * and how an entry point ends (`runCli`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** One command (or subcommand) of a tool: its usage line(s) and the flags it takes. */
export interface CliCommand {
  usage: string;
  options?: CliOptions;
}

/**
 * A tool: its name as printed (`staff`), one line saying what it does, and either its
 * subcommands or, for a tool without any, its own usage and flags.
 */
export interface CliSpec {
  name: string;
  about: string;
  commands?: Record<string, CliCommand>;
  usage?: string;
  options?: CliOptions;
}

export interface ParsedCommandLine {
  /** The subcommand, for a tool that has them. */
  command?: string;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

interface CliOut {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/** The help text of a tool, or of one of its subcommands. */
export function cliHelp(spec: CliSpec, command?: string): string {
  if (command !== undefined && spec.commands?.[command])
    return `${spec.commands[command].usage}\n\nRun with --help for the other commands of ${spec.name}.\n`;
  const usages = spec.commands
    ? Object.values(spec.commands).map((c) => c.usage)
    : [spec.usage ?? `${spec.name}`];
  return (
    `${spec.name}: ${spec.about}\n\nusage:\n${usages.map((u) => `  ${u}`).join('\n')}\n\n` +
    `Each command takes --help (-h). Exit status 2: a usage error.\n`
  );
}

const HELP = ['--help', '-h'];
const wantsHelp = (args: readonly string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => HELP.includes(a));
};

/** One line for what node:util parseArgs refused, without its advice on `--`. */
function usageMessage(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(e.message ?? '')?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) return `${quoted}: a value is needed`;
  return (e.message ?? String(error)).split(/\. /)[0];
}

/**
 * Reads a tool's command line with node:util `parseArgs` (strict: an unknown flag is
 * refused) before the tool opens anything. `--help`/`-h` prints the usage to stdout
 * and gives exit status 0; a usage error is one line on stderr and exit status 2.
 * Returns the parsed line, or the exit status when the tool has nothing more to do.
 * The tools still check the values' meaning themselves (a staff id, a number).
 */
export function readCommandLine(
  spec: CliSpec,
  argv: readonly string[],
  io: CliOut = process,
): ParsedCommandLine | number {
  const fail = (message: string) => {
    io.stderr.write(`${spec.name}: ${message} (see ${spec.name} --help)\n`);
    return 2;
  };
  let command: string | undefined;
  let rest = [...argv];
  let options = spec.options ?? {};
  if (spec.commands) {
    const [first, ...others] = argv;
    if (first === undefined || HELP.includes(first) || first === 'help') {
      if (first === undefined) return fail(`a command is needed: ${Object.keys(spec.commands).join(', ')}`);
      io.stdout.write(cliHelp(spec));
      return 0;
    }
    if (!Object.hasOwn(spec.commands, first))
      return fail(
        `${first.startsWith('-') ? 'unknown option' : 'unknown command'} ${JSON.stringify(first)}: ` +
          `the commands are ${Object.keys(spec.commands).join(', ')}`,
      );
    command = first;
    rest = others;
    options = spec.commands[first].options ?? {};
  }
  if (wantsHelp(rest)) {
    io.stdout.write(cliHelp(spec, command));
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return { command, values, positionals };
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return fail(usageMessage(error));
    throw error;
  }
}

/**
 * Progress for a person: on a terminal, one line redrawn in place (at most every
 * 250 ms); otherwise (a log, a pipe) a plain line every few seconds, so a log holds
 * no carriage returns and no thousand lines of it.
 */
export function progressLine(
  stream: { write(chunk: string): unknown; isTTY?: boolean } = process.stderr,
  plainEveryMs = 5000,
) {
  const tty = stream.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    /** Shows `text` unless one was shown a moment ago; `force` shows it anyway (the last one). */
    update(text: string, force = false): void {
      const now = Date.now();
      if (!force && now - last < (tty ? 250 : plainEveryMs)) return;
      last = now;
      if (tty) {
        stream.write(`\r${text}`);
        drawn = true;
      } else stream.write(`${text}\n`);
    },
    /** Ends the redrawn line, so what follows starts on a line of its own. */
    done(): void {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/**
 * How a command-line entry point ends: its exit code, or one line naming the
 * error's stable code and message on stderr and exit 1.
 */
export function runCli(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const e = error as { code?: string; message?: string };
      process.stderr.write(`\n${name}: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
