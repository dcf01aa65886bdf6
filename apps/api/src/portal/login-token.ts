import { DomainError } from '@portal/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const LOGIN_NOT_STARTED = () => new DomainError('LOGIN_NOT_STARTED', 'Start again by signing in.');

/** `<accountId>.<loginId>`: names one login attempt (or one reset) between its two steps. */
export function parseLoginToken(token: string): { accountId: string; loginId: string } {
  const [accountId, loginId] = token.split('.');
  if (!UUID.test(accountId ?? '') || !UUID.test(loginId ?? '')) throw LOGIN_NOT_STARTED();
  return { accountId, loginId };
}

export function loginToken(accountId: string, loginId: string): string {
  return `${accountId}.${loginId}`;
}
