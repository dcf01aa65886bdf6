import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StaffError } from '@portal/domain';
import { ssoStaffId, StaffDirectory } from '@portal/staff';
import { StaffSessions } from '../staff/staff-sessions';
import { SsoClient } from './sso-client';
import { FinishSsoCommand, type SsoSignIn, StartSsoCommand } from './staff-sso.commands';

/** The SsoClient when OIDC_ISSUER is set, else null. */
export const SSO_CLIENT = Symbol('SSO_CLIENT');

@CommandHandler(StartSsoCommand)
export class StartSsoHandler implements ICommandHandler<StartSsoCommand> {
  constructor(@Inject(SSO_CLIENT) private readonly client: SsoClient | null) {}

  execute(): Promise<{ url: string; flow: string }> {
    if (!this.client) throw new Error('single sign-on is not configured');
    return this.client.start();
  }
}

@CommandHandler(FinishSsoCommand)
export class FinishSsoHandler implements ICommandHandler<FinishSsoCommand> {
  constructor(
    @Inject(SSO_CLIENT) private readonly client: SsoClient | null,
    private readonly directory: StaffDirectory,
    private readonly sessions: StaffSessions,
  ) {}

  async execute({ query, flow, ctx }: FinishSsoCommand): Promise<SsoSignIn> {
    if (!this.client) return { ok: false, why: 'sso-failed', error: 'not-configured' };
    const identity = await this.client.finish(query, flow);
    if (!identity.ok) return identity;
    const staffId = ssoStaffId(identity.issuer, identity.subject);
    // Signed in at the provider, but nothing here for them: refused, and counted under their id.
    if (identity.roles.length === 0) return { ok: false, why: 'sso-no-role', staffId };
    try {
      const member = await this.directory.recordSsoSignIn(
        { staffId, issuer: identity.issuer, subject: identity.subject, roles: identity.roles },
        { ...ctx, actor: { kind: 'staff', staffId } },
      );
      const token = await this.sessions.start(staffId);
      return { ok: true, staffId, roles: member.roles, token };
    } catch (error) {
      if (error instanceof StaffError && error.code === 'STAFF_DISABLED')
        return { ok: false, why: 'disabled', staffId };
      if (error instanceof StaffError && error.code === 'STAFF_SSO_CONFLICT')
        return { ok: false, why: 'sso-conflict', staffId };
      throw error;
    }
  }
}
