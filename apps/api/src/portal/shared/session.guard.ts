/**
 * Signed-in portal routes: `@SignedIn()` on a controller checks the session and,
 * for a session signed in with a temporary password (support issued it, so
 * someone else has known it), refuses every route not marked
 * `@AllowedBeforePasswordChange()` with 403 PASSWORD_CHANGE_REQUIRED. The rule
 * lives here, once: a new signed-in route is closed to such sessions unless it
 * says otherwise.
 */
import {
  applyDecorators,
  type ArgumentsHost,
  type CanActivate,
  Catch,
  type ExceptionFilter,
  type ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Accounts, Session } from '@portal/accounts';
import { ACCOUNTS } from '../../accounts.provider';

export interface SignedInRequest {
  headers: Record<string, string | string[] | undefined>;
  session?: Session;
  sessionTokenHash?: string;
}

const BEFORE_PASSWORD_CHANGE = Symbol('allowed-before-password-change');

/** What a session that must change its password may still do: read the profile, change the password, log out. */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

export class PasswordChangeRequiredError extends HttpException {
  readonly code = 'PASSWORD_CHANGE_REQUIRED';
  constructor() {
    super('Choose a new password before you continue.', 403);
    this.name = 'PasswordChangeRequiredError';
  }
}

/**
 * The one error shape for PASSWORD_CHANGE_REQUIRED. The app-wide filter would
 * answer this 403 too, but with the generic FORBIDDEN code.
 */
@Catch(PasswordChangeRequiredError)
export class PasswordChangeRequiredFilter implements ExceptionFilter {
  catch(exception: PasswordChangeRequiredError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { send(body: unknown): void } }>()
      .status(403)
      .send({ error: { code: exception.code, message: exception.message } });
  }
}

/** A live session from `Authorization: Bearer <token>`, or 401; a temporary password's session, or 403 (see above). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<SignedInRequest>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const hash = this.accounts.keyedHash('session', token);
    const session = token ? await this.accounts.touchSession(hash, Date.now()) : undefined;
    if (!session) throw new UnauthorizedException('Sign in to continue.');
    req.session = session;
    req.sessionTokenHash = hash;
    // The flag was copied from the account when the session began; a temporary password, its change and a
    // reset all end every session, so a session's flag cannot go stale.
    if (
      session.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      throw new PasswordChangeRequiredError();
    return true;
  }
}

/** On a controller: every route needs a session (see the header comment for temporary passwords). */
export function SignedIn() {
  return applyDecorators(
    UseGuards(SessionGuard),
    UseFilters(PasswordChangeRequiredFilter),
    ApiBearerAuth('session'),
    ApiForbiddenResponse({
      description:
        'Signed in with a temporary password: 403 PASSWORD_CHANGE_REQUIRED until the password is changed.',
    }),
  );
}
