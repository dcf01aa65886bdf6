/**
 * Compares two strings in time that depends only on their lengths, so that a
 * code check does not tell an attacker how many leading characters were right.
 * (Pure, so the domain can use it; hashes compared here have equal lengths.)
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++)
    diff |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
  return diff === 0;
}
