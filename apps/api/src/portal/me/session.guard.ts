import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Accounts, Session } from '@portal/accounts';
import { keyedHash } from '@portal/security';
import { ACCOUNTS } from '../../accounts.provider';

export interface SignedInRequest {
  headers: Record<string, string | string[] | undefined>;
  session?: Session;
  sessionTokenHash?: string;
}

/** A live session from `Authorization: Bearer <token>`, or 401. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(@Inject(ACCOUNTS) private readonly accounts: Accounts) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<SignedInRequest>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const hash = keyedHash(this.accounts.deps.hmacKey, 'session', token);
    const session = token ? this.accounts.deps.sessions.touch(hash, Date.now()) : undefined;
    if (!session) throw new UnauthorizedException('Sign in to continue.');
    req.session = session;
    req.sessionTokenHash = hash;
    return true;
  }
}
