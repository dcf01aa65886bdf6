import { type CliSpec, progressLine, readCommandLine } from './cli';

const SPEC: CliSpec = {
  name: 'tool',
  about: 'does things',
  commands: {
    make: { usage: 'tool make <name> [--size N]', options: { size: { type: 'string' } } },
    list: { usage: 'tool list' },
  },
};

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s) },
    },
  };
}

describe('readCommandLine', () => {
  it('gives the command, its flags and its arguments', () => {
    const { io: streams, out } = io();
    expect(readCommandLine(SPEC, ['make', 'x', '--size=3'], streams)).toEqual({
      command: 'make',
      values: { size: '3' },
      positionals: ['x'],
    });
    expect(out).toEqual({ stdout: '', stderr: '' });
  });

  it.each([
    [['--help'], /^tool: does things\n[\s\S]*tool make <name>[\s\S]*tool list/],
    [['help'], /^tool: does things/],
    [['make', '-h'], /^tool make <name> \[--size N\]\n/],
    [['make', '--bogus', '--help'], /^tool make/],
  ])('answers %j with the usage on stdout and 0', (argv, usage) => {
    const { io: streams, out } = io();
    expect(readCommandLine(SPEC, argv, streams)).toBe(0);
    expect(out.stdout).toMatch(usage);
    expect(out.stderr).toBe('');
  });

  it.each([
    [[], 'a command is needed: make, list'],
    [['remove'], 'unknown command "remove"'],
    [['--size'], 'unknown option "--size"'],
    [['make', '--bogus'], 'unknown option --bogus'],
    [['make', '--size'], '--size'],
    [['list', '--size', '3'], 'unknown option --size'],
  ])('refuses %j with one line on stderr and 2', (argv, message) => {
    const { io: streams, out } = io();
    expect(readCommandLine(SPEC, argv, streams)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`tool: ${message}`);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('progressLine', () => {
  const stream = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, isTTY, write: (s: string) => chunks.push(s) };
  };

  it('redraws one line in place on a terminal, and ends it', () => {
    const tty = stream(true);
    const progress = progressLine(tty);
    progress.update('1/2');
    progress.update('2/2', true);
    progress.done();
    expect(tty.chunks).toEqual(['\r1/2', '\r2/2', '\n']);
  });

  it('writes plain lines elsewhere, without carriage returns', () => {
    const log = stream(false);
    const progress = progressLine(log);
    progress.update('1/3');
    progress.update('2/3'); // a moment after the last: not written
    progress.update('3/3', true);
    progress.done();
    expect(log.chunks).toEqual(['1/3\n', '3/3\n']);
  });
});
