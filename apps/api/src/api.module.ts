import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  IssueRecoveryCodesHandler,
  RecoveryCodesController,
  UseRecoveryCodeController,
  UseRecoveryCodeHandler,
} from './portal/recovery-codes/recovery-codes';
import {
  AuthenticatorController,
  VerifyAuthenticatorController,
} from './portal/authenticator/authenticator.controller';
import {
  ConfirmAuthenticatorHandler,
  RemoveAuthenticatorHandler,
  StartAuthenticatorEnrolmentHandler,
  VerifyAuthenticatorHandler,
} from './portal/authenticator/authenticator.handlers';
import { ResetPasswordController } from './portal/reset-password/reset-password.controller';
import {
  AnswerSecurityQuestionHandler,
  AskSecurityQuestionHandler,
  CompleteResetHandler,
  StartResetHandler,
  VerifyResetCodeHandler,
} from './portal/reset-password/reset-password.handlers';
import { RegisterWithCodeController } from './portal/register-with-code/register-with-code.controller';
import { RegisterWithCodeHandler } from './portal/register-with-code/register-with-code.handler';
import { RequestActivationCodeController } from './portal/request-activation-code/request-activation-code.controller';
import { RequestActivationCodeHandler } from './portal/request-activation-code/request-activation-code.handler';
import { ForgotUsernameController } from './portal/forgot-username/forgot-username.controller';
import { ForgotUsernameHandler } from './portal/forgot-username/forgot-username.handler';
import { ReactivateController } from './portal/reactivate/reactivate.controller';
import { ReactivateHandler } from './portal/reactivate/reactivate.handler';
import { ResendCodeController } from './portal/resend-code/resend-code.controller';
import { ResendCodeHandler } from './portal/resend-code/resend-code.handler';
import { ChangePasswordHandler } from './portal/change-password/change-password.handler';
import { RegisterMemberController } from './portal/register-member/register-member.controller';
import { RegisterMemberHandler } from './portal/register-member/register-member.handler';
import { LogInController } from './portal/log-in/log-in.controller';
import { LogInHandler } from './portal/log-in/log-in.handler';
import { CreateUsernameController } from './portal/create-username/create-username.controller';
import { CreateUsernameHandler } from './portal/create-username/create-username.handler';
import { MeController } from './portal/me/me.controller';
import { SessionGuard } from './portal/me/session.guard';
import { RegisterNonmemberController } from './portal/register-nonmember/register-nonmember.controller';
import { RegisterNonmemberHandler } from './portal/register-nonmember/register-nonmember.handler';
import { VerifyCodeController } from './portal/verify-code/verify-code.controller';
import { VerifyCodeHandler } from './portal/verify-code/verify-code.handler';
import { StaffModule } from './staff/staff.module';
import { SupportModule } from './support/support.module';
import { AuditModule } from './audit/audit.module';
import { AdminModule } from './admin/admin.module';
import { OfficesModule } from './offices/offices.module';
import { ConsoleModule } from './console/console.module';

/**
 * The HTTP API: portal, support and audit routes over the command and query buses.
 * Needs CoreModule (configuration, logger, event store) from whoever boots it:
 * its own main.ts, or apps/standalone with the other roles.
 */
@Module({
  imports: [
    CqrsModule.forRoot(),
    StaffModule,
    SupportModule,
    AuditModule,
    AdminModule,
    OfficesModule,
    ConsoleModule,
  ],
  controllers: [
    RecoveryCodesController,
    UseRecoveryCodeController,
    AuthenticatorController,
    VerifyAuthenticatorController,
    ResetPasswordController,
    RequestActivationCodeController,
    RegisterWithCodeController,
    ForgotUsernameController,
    ReactivateController,
    ResendCodeController,
    RegisterNonmemberController,
    RegisterMemberController,
    LogInController,
    CreateUsernameController,
    VerifyCodeController,
    MeController,
  ],
  providers: [
    SessionGuard,
    ChangePasswordHandler,
    RegisterMemberHandler,
    RegisterNonmemberHandler,
    LogInHandler,
    CreateUsernameHandler,
    VerifyCodeHandler,
    IssueRecoveryCodesHandler,
    UseRecoveryCodeHandler,
    StartAuthenticatorEnrolmentHandler,
    ConfirmAuthenticatorHandler,
    RemoveAuthenticatorHandler,
    VerifyAuthenticatorHandler,
    StartResetHandler,
    VerifyResetCodeHandler,
    AskSecurityQuestionHandler,
    AnswerSecurityQuestionHandler,
    CompleteResetHandler,
    RequestActivationCodeHandler,
    RegisterWithCodeHandler,
    ForgotUsernameHandler,
    ReactivateHandler,
    ResendCodeHandler,
  ],
})
export class ApiModule {}
