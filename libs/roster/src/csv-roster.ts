import { readFileSync } from 'node:fs';
import { parseCsv } from './csv';
import { matches, normaliseMemberId, type Roster, type RosterEntry, type RosterQuery } from './roster';

const REQUIRED = [
  'memberId',
  'firstName',
  'lastName',
  'dateOfBirth',
  'addressLine1',
  'city',
  'state',
  'postalCode',
];

export class RosterFileError extends Error {
  readonly code = 'ROSTER_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Roster ${file}: ${problems.join('; ')}`);
    this.name = 'RosterFileError';
  }
}

/**
 * Reads an eligibility file strictly: a file with any bad row is refused whole, each
 * row named by its line (never by its content, which is personal data).
 * @param file names the file in errors only
 */
export function parseRosterCsv(text: string, file: string): RosterEntry[] {
  const rows = parseCsv(text);
  const [header, ...data] = rows;
  const problems: string[] = [];
  const missing = REQUIRED.filter((h) => !header?.includes(h));
  if (missing.length > 0) throw new RosterFileError(file, [`header lacks ${missing.join(', ')}`]);
  const col = (row: string[], name: string) => (row[header.indexOf(name)] ?? '').trim();
  const byId = new Map<string, RosterEntry>();
  data.forEach((row, i) => {
    const line = i + 2;
    const empty = REQUIRED.filter((h) => h !== 'addressLine2' && col(row, h) === '');
    if (empty.length > 0) return problems.push(`row ${line}: ${empty.join(', ')} empty`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(col(row, 'dateOfBirth')))
      return problems.push(`row ${line}: dateOfBirth is not YYYY-MM-DD`);
    const id = normaliseMemberId(col(row, 'memberId'));
    if (byId.has(id)) return problems.push(`row ${line}: member id repeats an earlier row`);
    const line2 = col(row, 'addressLine2');
    const plan = col(row, 'planName');
    byId.set(id, {
      memberId: col(row, 'memberId'),
      firstName: col(row, 'firstName'),
      lastName: col(row, 'lastName'),
      dateOfBirth: col(row, 'dateOfBirth'),
      address: {
        line1: col(row, 'addressLine1'),
        ...(line2 ? { line2 } : {}),
        city: col(row, 'city'),
        state: col(row, 'state'),
        postalCode: col(row, 'postalCode'),
      },
      ...(plan ? { planName: plan } : {}),
    });
    return undefined;
  });
  if (problems.length > 0) throw new RosterFileError(file, problems);
  return [...byId.values()];
}

/** The embedded roster: a CSV file loaded into memory, indexed by normalised member id. */
export class CsvRoster implements Roster {
  private byId = new Map<string, RosterEntry>();

  constructor(private readonly file: string) {
    this.reload();
  }

  /** Reads the file again; a file with any bad row is refused whole (the old roster stays), naming each row. */
  reload(): void {
    const entries = parseRosterCsv(readFileSync(this.file, 'utf8'), this.file);
    this.byId = new Map(entries.map((e) => [normaliseMemberId(e.memberId), e]));
  }

  async findMember(query: RosterQuery): Promise<RosterEntry | undefined> {
    const entry = this.byId.get(normaliseMemberId(query.memberId));
    return entry && matches(entry, query) ? entry : undefined;
  }

  async getByMemberId(memberId: string): Promise<RosterEntry | undefined> {
    return this.byId.get(normaliseMemberId(memberId));
  }

  async ping(): Promise<void> {}
}
