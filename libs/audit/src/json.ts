/** JSON for audit results, which carry bigint revisions: written as decimal strings, as in the export. */
export function auditJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent);
}
