/**
 * What a staff id may be. A staff id is a short handle an administrator picks
 * (`jdoe`, `support.lead-2`), never a name or an email: by policy it is not
 * personal data, so it may appear in stream names, events, metadata and log lines.
 */

export const STAFF_ID_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

/** Ids that would name a stream libs/staff uses for something else (`staff-refusals`). */
const RESERVED_IDS: ReadonlySet<string> = new Set(['refusals']);

export function isStaffId(value: unknown): value is string {
  return typeof value === 'string' && STAFF_ID_PATTERN.test(value) && !RESERVED_IDS.has(value);
}

/** What is wrong with a would-be staff id, or undefined when it is fine. */
export function staffIdProblem(value: string): string | undefined {
  if (RESERVED_IDS.has(value)) return `"${value}" is reserved; pick another staff id`;
  if (!STAFF_ID_PATTERN.test(value))
    return 'a staff id is 3 to 32 characters: a lower-case letter, then lower-case letters, digits, ".", "_" or "-"';
  return undefined;
}
