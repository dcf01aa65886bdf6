/**
 * decide(command, state) for the Account: the rules of both seed portals, one
 * function per command, grouped by flow (registration.ts, login.ts,
 * second-factor.ts, recovery.ts, account-settings.ts, self-service.ts, support.ts,
 * erasure.ts).
 * second-factor.ts, recovery.ts, account-settings.ts, support.ts, erasure.ts, passkeys.ts).
 * Time arrives on the command; results of slow checks arrive as booleans.
 */
import type { AccountPolicy } from '../policy';
import {
  changePassword,
  confirmAuthenticator,
  issueRecoveryCodes,
  removeAuthenticator,
} from './account-settings';
import type { AccountCommand } from './commands';
import { erasePersonalData, refuseOnceErased } from './erasure';
import { logIn } from './login';
import {
  answerSecurityQuestion,
  completePasswordReset,
  reactivate,
  requestPasswordReset,
  sendUsernameReminder,
} from './recovery';
import {
  createAccount,
  createUsername,
  importLegacyAccount,
  recordActivationCodeMailed,
  registerMember,
  registerNonmember,
  registerOfficeAdministrator,
  registerProducer,
  registerWithActivationCode,
  requestActivationCode,
  sendAlreadyRegisteredNotice,
} from './registration';
import { changePhone, changeSecurityQuestion, confirmEmailChange, requestEmailChange } from './self-service';
import {
  enrolAuthenticatorAtLogin,
  resendOtp,
  useRecoveryCode,
  verifyAuthenticatorCode,
  verifyOtp,
} from './second-factor';
import { registerPasskey, removePasskey, renamePasskey, usePasskey } from './passkeys';
import type { AccountDecision } from './shared';
import type { AccountState } from './state';
import { deactivate, issueTemporaryPassword, unlock } from './support';

export function decide(policy: AccountPolicy) {
  return (command: AccountCommand, state: AccountState): AccountDecision => {
    const erased = refuseOnceErased(command, state);
    if (erased) return erased;
    switch (command.type) {
      // Registration
      case 'RequestActivationCode':
        return requestActivationCode(command, state, policy);
      case 'RecordActivationCodeMailed':
        return recordActivationCodeMailed(command, state);
      case 'RegisterWithActivationCode':
        return registerWithActivationCode(command, state, policy);
      case 'RegisterMember':
        return registerMember(command, state, policy);
      case 'RegisterNonmember':
        return registerNonmember(command, state, policy);
      case 'RegisterProducer':
        return registerProducer(command, state, policy);
      case 'RegisterOfficeAdministrator':
        return registerOfficeAdministrator(command, state, policy);
      case 'CreateAccount':
        return createAccount(command, state, policy);
      case 'ImportLegacyAccount':
        return importLegacyAccount(command, state);
      case 'CreateUsername':
        return createUsername(command, state, policy);
      case 'SendAlreadyRegisteredNotice':
        return sendAlreadyRegisteredNotice(command, state);
      // Login and its second step
      case 'LogIn':
        return logIn(command, state, policy);
      case 'ResendOtp':
        return resendOtp(command, state, policy);
      case 'VerifyOtp':
        return verifyOtp(command, state, policy);
      case 'VerifyAuthenticatorCode':
        return verifyAuthenticatorCode(command, state, policy);
      case 'UseRecoveryCode':
        return useRecoveryCode(command, state, policy);
      case 'EnrolAuthenticatorAtLogin':
        return enrolAuthenticatorAtLogin(command, state, policy);
      // Recovery
      case 'RequestPasswordReset':
        return requestPasswordReset(command, state, policy);
      case 'AnswerSecurityQuestion':
        return answerSecurityQuestion(command, state, policy);
      case 'CompletePasswordReset':
        return completePasswordReset(command, state, policy);
      case 'SendUsernameReminder':
        return sendUsernameReminder(command, state);
      case 'Reactivate':
        return reactivate(command, state);
      // The owner's settings
      case 'ChangePassword':
        return changePassword(command, state, policy);
      case 'ConfirmAuthenticator':
        return confirmAuthenticator(command, state);
      case 'RemoveAuthenticator':
        return removeAuthenticator(command, state);
      case 'IssueRecoveryCodes':
        return issueRecoveryCodes(command, state);
      // The owner's contact details and security question
      case 'RequestEmailChange':
        return requestEmailChange(command, state, policy);
      case 'ConfirmEmailChange':
        return confirmEmailChange(command, state, policy);
      case 'ChangePhone':
        return changePhone(command, state);
      case 'ChangeSecurityQuestion':
        return changeSecurityQuestion(command, state);
      // Support
      case 'IssueTemporaryPassword':
        return issueTemporaryPassword(command, state);
      case 'Unlock':
        return unlock(command, state);
      case 'Deactivate':
        return deactivate(command, state);
      // Erasure
      case 'ErasePersonalData':
        return erasePersonalData(command, state);
      // Passkeys
      case 'RegisterPasskey':
        return registerPasskey(command, state);
      case 'UsePasskey':
        return usePasskey(command, state, policy);
      case 'RenamePasskey':
        return renamePasskey(command, state);
      case 'RemovePasskey':
        return removePasskey(command, state);
      default: {
        const unhandled: never = command;
        return unhandled;
      }
    }
  };
}
