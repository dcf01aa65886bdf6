/**
 * EVENTSTORE_URL, checked at start-up by the KurrentDB client's own connection-string
 * parser, so that a URL the client would refuse (or half-understand) stops the process
 * with a message naming the variable instead of failing at the first append. Loads the
 * parser only when the variable is set: an embedded process never loads the client.
 *
 * Messages never repeat the URL: it may carry a password. The parser's own messages and
 * warnings quote it, so they are not passed on.
 */
type Parser = typeof import('@kurrent/kurrentdb-client/dist/Client/parseConnectionString');

/** The schemes the client accepts; `esdb` ones are the EventStoreDB names it still takes. */
const SCHEMES = [
  'kurrentdb',
  'kurrentdb+discover',
  'kurrent',
  'kurrent+discover',
  'kdb',
  'kdb+discover',
  'esdb',
  'esdb+discover',
];

function parser(): Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when EVENTSTORE_URL is set (see above)
  return require('@kurrent/kurrentdb-client/dist/Client/parseConnectionString') as Parser;
}

/** What is wrong with `url` as a KurrentDB connection string, each problem naming `name`; [] when nothing. */
export function kurrentDbUrlProblems(name: string, url: string): string[] {
  const scheme = /^([a-z+]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || !SCHEMES.includes(scheme)) {
    return [
      `${name} must start with kurrentdb:// (or kurrentdb+discover://, esdb://, esdb+discover://)` +
        (scheme ? ` (got ${scheme}://)` : ''),
    ];
  }
  // The parser warns on the console about unknown options and the `esdb` scheme, quoting the URL.
  const warnings: string[] = [];
  /* eslint-disable no-console -- held back for the parse only (see the header) */
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  /* eslint-enable no-console */
  let options: ReturnType<Parser['parseConnectionString']>;
  try {
    options = parser().parseConnectionString(url);
  } catch (error) {
    const { expected, location } = error as { expected?: string; location?: [number, number] };
    if (expected === undefined || location === undefined) throw error;
    return [
      `${name} is not a valid KurrentDB connection string: expected ${expected} at character ${location[0] + 1}`,
    ];
  } finally {
    // eslint-disable-next-line no-console -- restoring what was held back above
    console.warn = warn;
  }
  const problems: string[] = [];
  for (const warning of warnings) {
    const unknown = /^Unknown option key "([^"]*)"/.exec(warning);
    if (unknown) problems.push(`${name} has an option the KurrentDB client does not know: ${unknown[1]}`);
  }
  // The parser reads "n1:21x3" as port 21 and takes an empty host name; be stricter about each host.
  const authority = url.slice(scheme.length + 3).split(/[?/]/, 1)[0];
  const hostList = authority.slice(authority.lastIndexOf('@') + 1).split(',');
  if (options.hosts.length === 0) problems.push(`${name} names no host`);
  for (const [i, host] of options.hosts.entries()) {
    if (!/^[^\s:@,/?]+(:\d+)?$/.test(hostList[i] ?? '')) {
      problems.push(`${name} host ${i + 1} is not host or host:port`);
    } else if (!Number.isInteger(host.port) || host.port < 1 || host.port > 65535) {
      problems.push(`${name} host ${i + 1} has port ${host.port}; ports run from 1 to 65535`);
    }
  }
  if (options.dnsDiscover && options.hosts.length > 1) {
    problems.push(
      `${name}: ${scheme}:// takes one DNS name to discover the cluster from, not a list of hosts`,
    );
  }
  return problems;
}
