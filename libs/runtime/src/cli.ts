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
