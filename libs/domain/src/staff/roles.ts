/** What a staff credential may do. A route names the roles it admits; holding any one of them is enough. */
export const STAFF_ROLES = ['support', 'auditor', 'admin'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Distinct roles in the canonical order, so equal sets compare (and hash) equal. */
export function canonicalRoles(roles: readonly StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((r) => roles.includes(r));
}
