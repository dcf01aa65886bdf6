import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import {
  AuthenticatorController,
  VerifyAuthenticatorController,
} from './authenticator/authenticator.controller';
import {
  ConfirmAuthenticatorHandler,
  EnrolAuthenticatorAtLoginHandler,
  RemoveAuthenticatorHandler,
  StartAuthenticatorEnrolmentHandler,
  VerifyAuthenticatorHandler,
} from './authenticator/authenticator.handlers';
import { ChangePasswordController } from './change-password/change-password.controller';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { ContactDetailsController } from './contact-details/contact-details.controller';
import {
  ChangePhoneHandler,
  ChangeSecurityQuestionHandler,
  ConfirmEmailChangeHandler,
  RequestEmailChangeHandler,
} from './contact-details/contact-details.handlers';
import { CreateUsernameController } from './create-username/create-username.controller';
import { CreateUsernameHandler } from './create-username/create-username.handler';
import { ForgotUsernameController } from './forgot-username/forgot-username.controller';
import { ForgotUsernameHandler } from './forgot-username/forgot-username.handler';
import { LogInController } from './log-in/log-in.controller';
import { LogInHandler } from './log-in/log-in.handler';
import { MeController } from './me/me.controller';
import { GetMeHandler, LogOutEverywhereHandler, LogOutHandler } from './me/me.handlers';
import {
  AppAssociationController,
  PasskeyLoginController,
  PasskeysController,
} from './passkeys/passkeys.controller';
import {
  ListPasskeysHandler,
  PasskeyLoginOptionsHandler,
  PasskeyRegistrationOptionsHandler,
  PasswordlessOptionsHandler,
  PasswordlessSignInHandler,
  RegisterPasskeyHandler,
  RemovePasskeyHandler,
  RenamePasskeyHandler,
  VerifyPasskeyLoginHandler,
} from './passkeys/passkeys.handlers';
import { PermissionsController } from './permissions/permissions.controller';
import { GetPermissionsHandler } from './permissions/permissions.handler';
import { ReactivateController } from './reactivate/reactivate.controller';
import { ReactivateHandler } from './reactivate/reactivate.handler';
import {
  RecoveryCodesController,
  UseRecoveryCodeController,
} from './recovery-codes/recovery-codes.controller';
import { IssueRecoveryCodesHandler, UseRecoveryCodeHandler } from './recovery-codes/recovery-codes.handlers';
import { RegisterMemberController } from './register-member/register-member.controller';
import { RegisterMemberHandler } from './register-member/register-member.handler';
import { RegisterNonmemberController } from './register-nonmember/register-nonmember.controller';
import { RegisterNonmemberHandler } from './register-nonmember/register-nonmember.handler';
import { RegisterProducerController } from './register-producer/register-producer.controller';
import { RegisterProducerHandler } from './register-producer/register-producer.handler';
import { RegisterWithCodeController } from './register-with-code/register-with-code.controller';
import { RegisterWithCodeHandler } from './register-with-code/register-with-code.handler';
import { RequestActivationCodeController } from './request-activation-code/request-activation-code.controller';
import { RequestActivationCodeHandler } from './request-activation-code/request-activation-code.handler';
import { ResendCodeController } from './resend-code/resend-code.controller';
import { ResendCodeHandler } from './resend-code/resend-code.handler';
import { ResetPasswordController } from './reset-password/reset-password.controller';
import {
  AnswerSecurityQuestionHandler,
  AskSecurityQuestionHandler,
  CompleteResetHandler,
  StartResetHandler,
  VerifyResetCodeHandler,
} from './reset-password/reset-password.handlers';
import { SessionGuard } from './shared/session.guard';
import { VerifyCodeController } from './verify-code/verify-code.controller';
import { VerifyCodeHandler } from './verify-code/verify-code.handler';

/** Registering an account: as a member, a nonmember, a producer, or with a mailed activation code. */
export const RegistrationHandlers = [
  RegisterNonmemberHandler,
  RegisterMemberHandler,
  RegisterProducerHandler,
  RequestActivationCodeHandler,
  RegisterWithCodeHandler,
];

/** Logging in: the password, then the second step (emailed code, authenticator app or recovery code). */
export const LogInHandlers = [
  LogInHandler,
  VerifyCodeHandler,
  ResendCodeHandler,
  VerifyAuthenticatorHandler,
  EnrolAuthenticatorAtLoginHandler,
  UseRecoveryCodeHandler,
  CreateUsernameHandler,
];

/** Getting back into an account: a forgotten password or username, a deactivated account. */
export const RecoveryHandlers = [
  StartResetHandler,
  VerifyResetCodeHandler,
  AskSecurityQuestionHandler,
  AnswerSecurityQuestionHandler,
  CompleteResetHandler,
  ForgotUsernameHandler,
  ReactivateHandler,
];

/** The signed-in account's own commands: its password, second step, recovery codes and sessions. */
export const SignedInHandlers = [
  ChangePasswordHandler,
  StartAuthenticatorEnrolmentHandler,
  ConfirmAuthenticatorHandler,
  RemoveAuthenticatorHandler,
  IssueRecoveryCodesHandler,
  LogOutHandler,
  LogOutEverywhereHandler,
  // Contact details and the security question.
  RequestEmailChangeHandler,
  ConfirmEmailChangeHandler,
  ChangePhoneHandler,
  ChangeSecurityQuestionHandler,
];

/** Passkeys: adding, listing, renaming and removing them, and signing in with one (second step or alone). */
export const PasskeyHandlers = [
  PasskeyRegistrationOptionsHandler,
  RegisterPasskeyHandler,
  ListPasskeysHandler,
  RenamePasskeyHandler,
  RemovePasskeyHandler,
  PasskeyLoginOptionsHandler,
  VerifyPasskeyLoginHandler,
  PasswordlessOptionsHandler,
  PasswordlessSignInHandler,
];

/** What the signed-in account reads about itself. */
export const SignedInQueryHandlers = [GetMeHandler, GetPermissionsHandler];

/**
 * The portal area: the routes a person uses for their own account (registration,
 * login, recovery, and what a signed-in account does and reads), each a command or
 * query on the buses with its handler here. Staff routes are in the support, audit,
 * admin and offices modules.
 */
@Module({
  imports: [OfficesModule],
  controllers: [
    RegisterNonmemberController,
    RegisterMemberController,
    RegisterProducerController,
    RequestActivationCodeController,
    RegisterWithCodeController,
    LogInController,
    VerifyCodeController,
    ResendCodeController,
    VerifyAuthenticatorController,
    UseRecoveryCodeController,
    CreateUsernameController,
    ResetPasswordController,
    ForgotUsernameController,
    ReactivateController,
    MeController,
    ChangePasswordController,
    ContactDetailsController,
    AuthenticatorController,
    RecoveryCodesController,
    PermissionsController,
    PasskeysController,
    PasskeyLoginController,
    AppAssociationController,
  ],
  providers: [
    SessionGuard,
    ...RegistrationHandlers,
    ...LogInHandlers,
    ...RecoveryHandlers,
    ...SignedInHandlers,
    ...SignedInQueryHandlers,
    ...PasskeyHandlers,
  ],
})
export class PortalModule {}
