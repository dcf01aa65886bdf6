/**
 * Generated from the OpenAPI document by `npm run client:generate`: do not edit.
 * test/client.e2e-spec.ts fails when it differs from what the current routes and contract give.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving HTTP */
        get: operations["OpsController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 200 when every dependency answers, else 503 naming the one that did not */
        get: operations["OpsController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activation-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for an activation code by mail: it goes to the home address on the roster and arrives within 5 business days. 422 ROSTER_MISMATCH (no field named) when the details do not match the roster. */
        post: operations["RequestActivationCodeController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{accountId}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the account's personal data for good: its sessions end, its username, email and member id are freed (the person may register again), every later command on it is refused, and its history shows the data as erased. Safe to repeat: a retry finishes what a failure left undone. */
        post: operations["EraseAccountController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/read-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active generation, its checkpoint, document counts, the rebuild or compare requested or running, and the last of each */
        get: operations["ReadModelsAdminController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/read-models/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the projector to replay every event into a shadow copy and list each document that differs from the live one */
        post: operations["ReadModelsAdminController_compare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/read-models/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the projector to rebuild every read model from the first event into a fresh generation, then swap it in */
        post: operations["ReadModelsAdminController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/accounts/{accountId}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s state as of a time or a revision (secrets shown only as present or not) */
        get: operations["AuditController_state"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export one stream or every event as NDJSON (one event per line, as stored) */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/read-models/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last comparison to finish (`lastCompare`), with its report */
        get: operations["AuditController_lastCompare"];
        put?: never;
        /** Ask the projector to replay every event into a shadow copy and list each document that differs from the live read models */
        post: operations["AuditController_compare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/read-models/compare/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comparison asked for: `pending`, `running` (with `events` replayed so far), `done` (with its report in `result`), `failed` (with `error`) or `abandoned` (its projector stopped) */
        get: operations["AuditController_compareRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain of one stream or of every stream; names the first broken link of each */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same verification, with its progress as it goes: NDJSON, a `progress` line at the start, every `progressEvery` events and at the end, then one `result` line (what GET verify answers) */
        get: operations["AuditController_verifyWithProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 1 of log on: username and password. Starts 2-step verification (a 6-digit code is emailed unless an authenticator app is set up). Unknown, locked and wrong-password answers are the same 401 INVALID_CREDENTIALS. An account from before usernames logs in with its member id as `username`: the right password then answers 403 USERNAME_REQUIRED, and the account creates one at POST /v1/login/create-username (seed 004). Where AUTHENTICATOR_REQUIRED is on, an account without an authenticator app gets the emailed code, then enrols an app (see verify-code). */
        post: operations["LogInController_logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/create-username": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 004, existing users: an account from before usernames (its log on answered 403 USERNAME_REQUIRED) proves itself with its member id and password again, and creates its username and email. It then logs on with the new username, password and 2-step verification. A wrong member id or password answers 401 INVALID_CREDENTIALS and counts as a failed log on; a username another account has, 409 USERNAME_TAKEN. An email another account has is answered as registration answers it (201, the same body), records nothing, and emails that account's owner that they already have an account. */
        post: operations["CreateUsernameController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/enrol-authenticator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 3 of log on where an authenticator app is required (AUTHENTICATOR_REQUIRED) and none is set up: the enrolment that verify-code answered, and the new app's first code. Adds the app and signs in. */
        post: operations["VerifyAuthenticatorController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 2 of log on with a passkey: the options for navigator.credentials.get(), for this login only. */
        post: operations["PasskeyLoginController_options"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/passwordless": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey alone: it must verify the person (biometrics or PIN). Refused on a locked or deactivated account. */
        post: operations["PasskeyLoginController_passwordless"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/passwordless/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey alone (PASSKEY_PASSWORDLESS): options for a discoverable passkey. */
        post: operations["PasskeyLoginController_passwordlessOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/resend-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Emails a new 6-digit code for a login in progress; the earlier code stops working. Limited (429). */
        post: operations["ResendCodeController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/verify-authenticator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 2 of log on with an authenticator app. A code is good once; wrong codes count toward the lock. */
        post: operations["VerifyAuthenticatorController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/verify-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 2 of log on: the 6-digit emailed code. Answers an opaque session token (send it as a Bearer token); where an authenticator app is required (AUTHENTICATOR_REQUIRED) and none is set up, answers instead `authenticatorRequired: true` with a new app to enrol (secret, otpauth URI, QR code and enrolment token), confirmed at POST /v1/login/enrol-authenticator, which signs in. */
        post: operations["VerifyCodeController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/verify-passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 2 of log on with a passkey, in place of the emailed code. A refused passkey counts toward the lock. */
        post: operations["PasskeyLoginController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login/verify-recovery-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step 2 of log on with a recovery code instead of the app. Each code works once. */
        post: operations["UseRecoveryCodeController_use"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account: username, email, status */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/authenticator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start adding an authenticator app: a new secret as an otpauth URI and a QR code. */
        post: operations["AuthenticatorController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/authenticator/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish adding the app with its current code. From then on the app is the second step of log on. */
        post: operations["AuthenticatorController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/authenticator/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove the app (password required); log on goes back to emailed codes. */
        post: operations["AuthenticatorController_remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the email address (current password required): a code goes to the new address, and the change takes effect only when it is confirmed. */
        post: operations["ContactDetailsController_requestEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the new email address with the code sent to it; the old address is told of the change. */
        post: operations["ContactDetailsController_confirmEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends this session */
        post: operations["MeController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends every session of the account, on every device, this one included */
        post: operations["MeController_logoutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s passkeys, with when each was last used. */
        get: operations["PasskeysController_list"];
        put?: never;
        /** Finish adding the passkey with what the authenticator made. */
        post: operations["PasskeysController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/passkeys/{passkeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a passkey: it no longer signs in (remove it from the device too). */
        delete: operations["PasskeysController_remove"];
        options?: never;
        head?: never;
        /** Rename a passkey. */
        patch: operations["PasskeysController_rename"];
        trace?: never;
    };
    "/v1/me/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start adding a passkey: the options for navigator.credentials.create(). Needs a sign-in within the last 10 minutes. */
        post: operations["PasskeysController_options"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (current one required). Ends every session of the account, this one included. */
        post: operations["ChangePasswordController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s kind, its office (id, name, pending or active) or organisation, and the portal functions it may use */
        get: operations["PermissionsController_permissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the phone number (shown by GET /v1/me). */
        post: operations["ContactDetailsController_changePhone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ten one-time recovery codes for a lost authenticator app. Shown only now; earlier codes stop working. */
        post: operations["RecoveryCodesController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/security-question": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the security question and its answer (current password required). */
        post: operations["ContactDetailsController_changeSecurityQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/office/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users of your office, with the functions each may use */
        get: operations["OfficeUsersController_list"];
        put?: never;
        /** Create a staff user id in your office with the functions chosen; the person gets a temporary password by email and must change it at first login */
        post: operations["OfficeUsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/office/users/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user of your office */
        get: operations["OfficeUsersController_user"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/office/users/{accountId}/functions/{function}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grant a function to a user of your office (granting one already held changes nothing) */
        put: operations["OfficeUsersController_grant"];
        post?: never;
        /** Revoke a function from a user of your office; refused on their very next call (409 LAST_ADMINISTRATOR for the office’s last manage-users) */
        delete: operations["OfficeUsersController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/office/users/{accountId}/temporary-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a user’s password: a temporary password is emailed to them (you never see it), every session of theirs ends, and they must change it at next login */
        post: operations["OfficeUsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offices/{officeId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending office’s first ID administrator: the office becomes active and the administrator may use every function (404 OFFICE_NOT_FOUND, 409 OFFICE_ALREADY_APPROVED) */
        post: operations["ApproveOfficeController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forgot password, with a username: emails a 6-digit code (none with an authenticator app: its code is the second step). The answer is the same for an unknown username. */
        post: operations["ResetPasswordController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/password-resets/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets the new password (under the policy). Ends every session and any lock. */
        post: operations["ResetPasswordController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/password-resets/security-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The answer (case sensitive), with the token of the question step alone (the identity is not sent again). Each wrong answer is emailed to the owner; the 3rd in a row deactivates the account, and the email about it carries a link that undoes it (POST /v1/reactivations). Limited per address per hour and per account per day. */
        post: operations["ResetPasswordController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/password-resets/security-question": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forgot password without 2-step verification: last name, date of birth and a username or member id; answers the security question. 422 IDENTITY_MISMATCH (no field named) when they don't match. */
        post: operations["ResetPasswordController_ask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/password-resets/verify-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The emailed code (or, with an authenticator app set up, the app's code) proves the owner; then a new password may be set. */
        post: operations["ResetPasswordController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plan-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an employer or payer account; a temporary password is emailed to the contact */
        post: operations["PlanAccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reactivations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undoes a deactivation by wrong security answers with the token of the emailed link (once, within its lifetime). 422 REACTIVATION_INVALID or REACTIVATION_EXPIRED; 409 REACTIVATION_NOT_POSSIBLE when the username, email or member id was registered again since. */
        post: operations["ReactivateController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/activation-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register with the activation code from the letter: choose a username, password and security question. An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN. */
        post: operations["RegisterWithCodeController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a member: name, date of birth and member id must match the roster (422 ROSTER_MISMATCH, naming no field, when they do not). An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN. */
        post: operations["RegisterMemberController_registerMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/nonmember": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a nonmember patient account (no roster data). Field errors come back all at once. An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN. */
        post: operations["RegisterNonmemberController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/producer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a producer (agent or agency) for the Producer Portal: no roster match; the agency or producer id is kept sealed. Field errors come back all at once. An email address (or member) that already has an account gets the same 201 answer: no account is made and the owner of that account is emailed instead; a taken username is answered 409 USERNAME_TAKEN. */
        post: operations["RegisterProducerController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/provider-office": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a provider office (name, NPI, tax id) and its first ID administrator. The office is pending until plan staff approve the administrator; field errors come back all at once. */
        post: operations["RegisterOfficeController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in staff member and roles */
        get: operations["StaffSessionController_current"];
        put?: never;
        /** Sign in to the staff console (sets the session cookie) */
        post: operations["StaffSessionController_signIn"];
        /** Sign out of the staff console (ends the session, clears the cookie) */
        delete: operations["StaffSessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the console offers single sign-on */
        get: operations["StaffSsoController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the provider sends the browser back: signs in, redirects to the console */
        get: operations["StaffSsoController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Begin single sign-on: redirects to the provider (sets the flow cookie) */
        get: operations["StaffSsoController_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search accounts by username, email, member id, phone, last name + date of birth, or last-name prefix (one at a time), paginated */
        get: operations["SearchAccountsController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account: registered or not, status, locked until, deactivated and why, activation letter mailed on and expected by, authenticator, last login; for provider office staff, the office, the account’s functions and its grants over time */
        get: operations["AccountController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate the account with a reason: its sessions end, its username, email and member id are freed, and the member is emailed. `deactivated` is false when it was not active. */
        post: operations["SupportActionsController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s history: each event in plain words, with who, when and from which IP */
        get: operations["AccountController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}/passkeys/{passkeyId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a passkey of the account (a lost phone), with a reason kept in its history */
        post: operations["SupportPasskeysController_remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}/temporary-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the member a temporary password, to be changed at the next login. Staff never see it; every session of the account ends. */
        post: operations["SupportActionsController_temporaryPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a locked account (409 NOT_LOCKED when it is not locked) */
        post: operations["SupportActionsController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/accounts/{accountId}/username-reminder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the member their username again (only an active account with a username gets one) */
        post: operations["SupportActionsController_usernameReminder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/activations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activation codes and letters in flight (awaiting the letter, or mailed), paginated */
        get: operations["ActivationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/dead-letters/{queue}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead-lettered jobs of the email or letter queue, newest first, with their count */
        get: operations["DeadLettersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/dead-letters/{queue}/{jobId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead-lettered message again, with fresh attempts */
        post: operations["DeadLettersController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/offices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provider offices by status (`pending` approval by default, or `active`), ordered by office id, paginated; no tax id */
        get: operations["SupportOfficesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/offices/{officeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The office: name, NPI, tax id, status, approval, users with their functions, grants and password resets over time with who made them */
        get: operations["SupportOfficeController_office"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/offices/{officeId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The office’s history: each event in plain words, with the administrator or staff member who acted */
        get: operations["SupportOfficeController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/username-reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forgot username: emails it if an account has this address. The answer is the same either way. */
        post: operations["ForgotUsernameController_remind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Accepted: {
            /** @enum {boolean} */
            accepted: true;
        };
        /**
         * @example {
         *       "accountId": "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a"
         *     }
         */
        AccountCreated: {
            /** Format: uuid */
            accountId: string;
        };
        /**
         * @example {
         *       "accountId": "4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10",
         *       "status": "active",
         *       "locked": false,
         *       "personal": {
         *         "username": "patexample",
         *         "email": "pat@example.com",
         *         "firstName": "Pat",
         *         "lastName": "Example"
         *       }
         *     }
         */
        AccountSummary: {
            /** Format: uuid */
            accountId: string;
            locked: boolean;
            personal: Record<string, never>;
            status: string;
        };
        AuthenticatorEnrolment: {
            /** @description Opaque: give it back with the first code from the app. */
            enrolmentToken: string;
            /** @example otpauth://totp/Portal:patexample?secret=JBSWY3DPEHPK3PXP&issuer=Portal */
            otpauthUri: string;
            /** @description The otpauth URI as a QR code (PNG, base64). */
            qrPngBase64: string;
            /** @description Base32, for typing into the app by hand. */
            secret: string;
        };
        AuthenticatorEnrolmentRequired: {
            /**
             * @description AUTHENTICATOR_REQUIRED is on and no app is set up: enrol this one to sign in.
             * @enum {boolean}
             */
            authenticatorRequired: true;
            /** @description Opaque: give it back to POST /v1/login/enrol-authenticator with the first code from the app. */
            enrolmentToken: string;
            /** @example otpauth://totp/Portal:patexample?secret=JBSWY3DPEHPK3PXP&issuer=Portal */
            otpauthUri: string;
            /** @description The otpauth URI as a QR code (PNG, base64). */
            qrPngBase64: string;
            /** @description Base32, for typing into the app by hand. */
            secret: string;
        };
        ChangeEmailRequest: {
            /** @example Correct7Horse9Battery */
            currentPassword: string;
            /** @example pat.new@example.com */
            email: string;
        };
        ChangePasswordRequest: {
            /** @example Correct7Horse9Battery */
            currentPassword: string;
            /** @example Another9Strong1Pass */
            newPassword: string;
        };
        ChangePhoneRequest: {
            /** @example +15555550199 */
            phone: string;
        };
        ChangeSecurityQuestionRequest: {
            /** @example Correct7Horse9Battery */
            currentPassword: string;
            /** @example Elm Street */
            securityAnswer: string;
            /** @example Street you grew up on? */
            securityQuestion: string;
        };
        CommunicationPreferences: {
            /** @example true */
            email: boolean;
            /** @example false */
            text: boolean;
        };
        CompleteResetRequest: {
            /** @example Another9Strong1Pass */
            newPassword: string;
            /**
             * @description From the start of the reset
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            resetToken: string;
        };
        ConfirmAuthenticatorRequest: {
            /** @example 123456 */
            code: string;
            /**
             * @description From the enrolment step (sealed; opaque to the client)
             * @example v1.kq3f0Zp8…
             */
            enrolmentToken: string;
        };
        ConfirmEmailChangeRequest: {
            /** @example 123456 */
            code: string;
        };
        CreateOfficeUserRequest: {
            /**
             * @description Where the temporary password is sent.
             * @example olu@lakeside.example
             */
            email: string;
            /** @example Olu */
            firstName: string;
            /**
             * @example [
             *       "eligibility",
             *       "claims"
             *     ]
             */
            functions: ("eligibility" | "claims" | "referrals" | "authorizations" | "remittance" | "manage-users")[];
            /** @example Adeyemi */
            lastName: string;
            /** @example oluadeyemi */
            username: string;
        };
        CreatePlanAccountRequest: {
            /**
             * @description Where the temporary password is sent.
             * @example benefits@acme.example
             */
            email: string;
            /** @example Dana */
            firstName: string;
            /**
             * @example employer
             * @enum {string}
             */
            kind: "employer" | "payer";
            /** @example Reyes */
            lastName: string;
            /**
             * @description The employer group or payer id with the plan.
             * @example GRP-004417
             */
            organisationId: string;
            /** @example Acme Tool & Die */
            organisationName: string;
            /** @example acmebenefits */
            username: string;
        };
        CreateUsernameRequest: {
            /**
             * @description Not used by another account: verification codes go here
             * @example pat@example.com
             */
            email: string;
            /**
             * @description The ID number the account logged in with
             * @example DEMO0000001
             */
            memberId: string;
            /**
             * @description The password the account logged in with
             * @example Correct7Horse9Battery
             */
            password: string;
            /** @example patexample */
            username: string;
        };
        DeactivateRequest: {
            /**
             * @description `owner`: the member asked for it; `support`: support decided it (misuse, a duplicate account).
             * @example owner
             * @enum {string}
             */
            reason: "owner" | "support";
        };
        EnrolAuthenticatorAtLoginRequest: {
            /** @example 123456 */
            code: string;
            /**
             * @description From the answer of POST /v1/login/verify-code (sealed; opaque to the client)
             * @example v1.kq3f0Zp8…
             */
            enrolmentToken: string;
            /**
             * @description From step 1 of log on
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
        };
        Error: {
            error: {
                /** @description Stable and greppable; the list each operation can answer is on its response. */
                code: string;
                /** @description One message per bad field (dotted paths for nested ones). */
                fields?: {
                    [key: string]: string;
                };
                /** @description A sentence for the person; never quotes what they sent. */
                message: string;
            };
        };
        ForgotUsernameRequest: {
            /** @example pat@example.com */
            email: string;
        };
        /**
         * @example {
         *       "functions": [
         *         "eligibility",
         *         "claims"
         *       ]
         *     }
         */
        Functions: {
            functions: string[];
        };
        /**
         * @example {
         *       "at": "2026-04-01T09:30:00.000Z",
         *       "type": "LoginSucceeded",
         *       "text": "Signed in with an emailed code",
         *       "actor": {
         *         "kind": "self"
         *       },
         *       "streamId": "account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10"
         *     }
         */
        HistoryEntry: {
            actor: Record<string, never>;
            /** Format: date-time */
            at: string;
            ip?: string;
            streamId: string;
            text: string;
            type: string;
        };
        IdentityRequest: {
            /** @example 1980-04-01 */
            dateOfBirth: string;
            /** @example Example */
            lastName: string;
            /**
             * @description Or username
             * @example DEMO0000001
             */
            memberId?: string;
            /**
             * @description Or memberId
             * @example patexample
             */
            username?: string;
        };
        LogInRequest: {
            /** @example Correct7Horse9Battery */
            password: string;
            /** @example patexample */
            username: string;
        };
        LoginStarted: {
            /**
             * @description Opaque (82 base64url characters): give it back at the second step. Names this login only.
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
            /**
             * @description `email-code`: a 6-digit code was emailed; `authenticator`: ask for the app’s code; `passkey`: ask for a passkey (POST /v1/login/passkey/options), or resend-code for an emailed code.
             * @enum {string}
             */
            secondFactor: "email-code" | "authenticator" | "passkey";
        };
        Me: {
            authenticatorEnrolled: boolean;
            email?: string;
            emailVerified: boolean;
            /** @example member */
            kind: string;
            mustChangePassword: boolean;
            /** @example +15555550100 */
            phone?: string;
            /** @example active */
            status: string;
            username?: string;
        };
        /**
         * @example {
         *       "accountId": "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a",
         *       "username": "frontdesk1",
         *       "firstName": "Alex",
         *       "lastName": "Rivera",
         *       "email": "alex@clinic.example.com",
         *       "functions": [
         *         "eligibility"
         *       ]
         *     }
         */
        OfficeUser: {
            /** Format: uuid */
            accountId: string;
            email?: string;
            firstName?: string;
            functions: string[];
            lastName?: string;
            username?: string;
        };
        Organisation: {
            id: string;
            /** @enum {string} */
            kind: "office" | "employer" | "payer";
            name: string;
        };
        Page: {
            items: Record<string, never>[];
            /** @description Pass as `after` for the next page; absent on the last one. */
            next?: string;
        };
        PasskeyLoginOptionsRequest: {
            /**
             * @description From step 1 of log on
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
        };
        PasswordlessSignInRequest: {
            /**
             * @description The PublicKeyCredential as JSON (`credential.toJSON()` in a browser; @simplewebauthn/browser gives the same).
             * @example {
             *       "id": "Y3JlZA",
             *       "rawId": "Y3JlZA",
             *       "type": "public-key",
             *       "response": {
             *         "clientDataJSON": "eyJ0eXBlIjoi"
             *       }
             *     }
             */
            response?: {
                authenticatorAttachment?: string;
                /** @description base64url */
                id: string;
                /** @description base64url */
                rawId: string;
                response: {
                    /** @description base64url */
                    authenticatorData?: string;
                    /** @description base64url */
                    clientDataJSON: string;
                    /** @description base64url */
                    signature?: string;
                    /** @description base64url */
                    userHandle?: string;
                };
                /** @enum {string} */
                type: "public-key";
            } & {
                [key: string]: unknown;
            };
        };
        /**
         * @example {
         *       "accountId": "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a",
         *       "kind": "provider-office",
         *       "office": {
         *         "officeId": "b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90",
         *         "name": "Main Street Clinic",
         *         "status": "active"
         *       },
         *       "functions": [
         *         "users",
         *         "eligibility"
         *       ]
         *     }
         */
        Permissions: {
            /** Format: uuid */
            accountId: string;
            functions: string[];
            kind?: string;
            office?: {
                name: string;
                officeId: string;
                /** @enum {string} */
                status: "pending" | "active";
            };
            organisation?: components["schemas"]["Organisation"];
        };
        Reactivated: {
            /** @enum {boolean} */
            reactivated: true;
        };
        ReactivateRequest: {
            /**
             * @description The token of the link in the deactivation email
             * @example 0193a3c4-1111-4222-8333-444455556666.n2Jv0mB0Jz1Xy8pQ9eYc0aG3fH6kL1mN4oP7qR0sT2u
             */
            token: string;
        };
        /**
         * @example {
         *       "id": "7d0f3a8e-1c55-4f0e-b1d2-8a6c4e2f9b31",
         *       "kind": "compare",
         *       "status": "done",
         *       "requestedAt": "2026-04-01T09:30:00.000Z",
         *       "startedAt": "2026-04-01T09:30:01.000Z",
         *       "finishedAt": "2026-04-01T09:30:09.000Z"
         *     }
         */
        ReadModelRequest: {
            /** Format: date-time */
            finishedAt?: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "rebuild" | "compare";
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            startedAt?: string;
            /** @enum {string} */
            status: "pending" | "running" | "done" | "failed" | "abandoned";
        };
        RecoveryCodes: {
            codes: string[];
        };
        Registered: {
            /** @enum {boolean} */
            registered: true;
        };
        RegisterMemberRequest: {
            communication: components["schemas"]["CommunicationPreferences"];
            /** @example 1980-04-01 */
            dateOfBirth: string;
            /** @example pat@example.com */
            email: string;
            /** @example Pat */
            firstName: string;
            /** @example Example */
            lastName: string;
            /**
             * @description The member id on the ID card
             * @example DEMO0000001
             */
            memberId: string;
            /** @example Correct7Horse9Battery */
            password: string;
            /**
             * @description A cell phone number
             * @example +15555550100
             */
            phone: string;
            /** @example Rex the Dog */
            securityAnswer: string;
            /** @example Name of your first pet? */
            securityQuestion: string;
            /** @example true */
            termsAccepted: boolean;
            /** @example patexample */
            username: string;
        };
        RegisterNonmemberRequest: {
            communication: components["schemas"]["CommunicationPreferences"];
            /** @example 1980-04-01 */
            dateOfBirth: string;
            /** @example pat@example.com */
            email: string;
            /** @example Pat */
            firstName: string;
            /** @example Example */
            lastName: string;
            /** @example Correct7Horse9Battery */
            password: string;
            /** @example +15555550100 */
            phone?: string;
            /** @example Rex the Dog */
            securityAnswer: string;
            /** @example Name of your first pet? */
            securityQuestion: string;
            /** @example true */
            termsAccepted: boolean;
            /** @example patexample */
            username: string;
        };
        RegisterOfficeRequest: {
            communication: components["schemas"]["CommunicationPreferences"];
            /** @example 1980-04-01 */
            dateOfBirth: string;
            /** @example pat@example.com */
            email: string;
            /** @example Pat */
            firstName: string;
            /** @example Example */
            lastName: string;
            /**
             * @description The office’s 10-digit National Provider Identifier.
             * @example 1234567893
             */
            npi: string;
            /** @example Lakeside Family Medicine */
            officeName: string;
            /** @example Correct7Horse9Battery */
            password: string;
            /** @example +15555550100 */
            phone?: string;
            /** @example Rex the Dog */
            securityAnswer: string;
            /** @example Name of your first pet? */
            securityQuestion: string;
            /**
             * @description The office’s 9-digit tax id (kept sealed).
             * @example 12-3456789
             */
            taxId: string;
            /** @example true */
            termsAccepted: boolean;
            /** @example patexample */
            username: string;
        };
        RegisterPasskeyRequest: {
            /**
             * @description What the owner calls it (1 to 64 characters)
             * @example Pat’s phone
             */
            name: string;
            /**
             * @description The PublicKeyCredential as JSON (`credential.toJSON()` in a browser; @simplewebauthn/browser gives the same).
             * @example {
             *       "id": "Y3JlZA",
             *       "rawId": "Y3JlZA",
             *       "type": "public-key",
             *       "response": {
             *         "clientDataJSON": "eyJ0eXBlIjoi"
             *       }
             *     }
             */
            response?: {
                authenticatorAttachment?: string;
                /** @description base64url */
                id: string;
                /** @description base64url */
                rawId: string;
                response: {
                    /** @description base64url */
                    attestationObject?: string;
                    /** @description base64url */
                    clientDataJSON: string;
                };
                /** @enum {string} */
                type: "public-key";
            } & {
                [key: string]: unknown;
            };
        };
        RegisterProducerRequest: {
            communication: components["schemas"]["CommunicationPreferences"];
            /** @example pat@example.com */
            email: string;
            /** @example Pat */
            firstName: string;
            /** @example Example */
            lastName: string;
            /** @example Correct7Horse9Battery */
            password: string;
            /** @example +15555550100 */
            phone?: string;
            /**
             * @description Your agency or producer id with the plan.
             * @example AG-204871
             */
            producerId: string;
            /** @example Rex the Dog */
            securityAnswer: string;
            /** @example Name of your first pet? */
            securityQuestion: string;
            /** @example true */
            termsAccepted: boolean;
            /** @example patexample */
            username: string;
        };
        RegisterWithCodeRequest: {
            /**
             * @description From the letter; case and dashes do not matter
             * @example 7KQ4-MZ2P-X9RT
             */
            activationCode: string;
            communication: components["schemas"]["CommunicationPreferences"];
            /** @example 1980-04-01 */
            dateOfBirth: string;
            /** @example pat@example.com */
            email: string;
            /** @example Pat */
            firstName: string;
            /** @example Example */
            lastName: string;
            /** @example DEMO0000001 */
            memberId: string;
            /** @example Correct7Horse9Battery */
            password: string;
            /** @example +15555550100 */
            phone?: string;
            /** @example Rex the Dog */
            securityAnswer: string;
            /** @example Name of your first pet? */
            securityQuestion: string;
            /** @example true */
            termsAccepted: boolean;
            /** @example patexample */
            username: string;
        };
        RemoveAuthenticatorRequest: {
            /** @example Correct7Horse9Battery */
            password: string;
        };
        RenamePasskeyRequest: {
            /** @example Work phone */
            name: string;
        };
        RequestActivationCodeRequest: {
            /** @example 1980-04-01 */
            dateOfBirth: string;
            /** @example Pat */
            firstName: string;
            /** @example Example */
            lastName: string;
            /** @example DEMO0000001 */
            memberId: string;
        };
        ResendCodeRequest: {
            /**
             * @description From step 1 of log on
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
        };
        ResetStarted: {
            /**
             * @description Opaque, one shape whether or not the username exists; give it to each later step.
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            resetToken: string;
        };
        SecurityAnswerRequest: {
            /**
             * @description Case sensitive
             * @example Rex the Dog
             */
            answer: string;
            /**
             * @description From the question step (POST /v1/password-resets/security-question)
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            resetToken: string;
        };
        SecurityQuestion: {
            /** @example Name of your first pet? */
            question: string;
            /**
             * @description Opaque; give it back with the answer.
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            resetToken: string;
        };
        /**
         * @example {
         *       "sent": true
         *     }
         */
        Sent: {
            sent: boolean;
        };
        SessionGranted: {
            /**
             * Format: date-time
             * @description When the session ends however active it is.
             */
            expiresAt: string;
            /** @description A session unused this long ends earlier. */
            idleTimeoutSeconds: number;
            /** @description True after a temporary password: only POST /v1/me/password (and GET /v1/me, logout) until changed. */
            mustChangePassword: boolean;
            /**
             * @description Opaque bearer token (43 base64url characters) for `Authorization: Bearer`. Not a JWT.
             * @example q2N0bV8aF1pQm6cY3w0rZs9V4xJt7uKeLh5Gd8BnIoA
             */
            sessionToken: string;
        };
        StaffSignInRequest: {
            /**
             * @description The 6 digits the authenticator app shows now.
             * @example 492039
             */
            code: string;
            /**
             * Format: password
             * @example correct horse battery staple
             */
            password: string;
            /** @example sam.support */
            staffId: string;
        };
        StartResetRequest: {
            /** @example patexample */
            username: string;
        };
        SupportRemovePasskeyRequest: {
            /**
             * @description Why (kept, sealed, in the account’s history)
             * @example Lost phone, ticket 4711
             */
            reason: string;
        };
        UseRecoveryCodeRequest: {
            /** @example K7M4PQ9XTA */
            code: string;
            /**
             * @description From step 1 of log on
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
        };
        Username: {
            /** @example patexample */
            username: string;
        };
        VerifyAuthenticatorRequest: {
            /** @example 123456 */
            code: string;
            /**
             * @description From step 1 of log on
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
        };
        VerifyCodeRequest: {
            /** @example 123456 */
            code: string;
            /**
             * @description From step 1
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
        };
        VerifyPasskeyLoginRequest: {
            /**
             * @description From step 1 of log on
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            loginToken: string;
            /**
             * @description The PublicKeyCredential as JSON (`credential.toJSON()` in a browser; @simplewebauthn/browser gives the same).
             * @example {
             *       "id": "Y3JlZA",
             *       "rawId": "Y3JlZA",
             *       "type": "public-key",
             *       "response": {
             *         "clientDataJSON": "eyJ0eXBlIjoi"
             *       }
             *     }
             */
            response?: {
                authenticatorAttachment?: string;
                /** @description base64url */
                id: string;
                /** @description base64url */
                rawId: string;
                response: {
                    /** @description base64url */
                    authenticatorData?: string;
                    /** @description base64url */
                    clientDataJSON: string;
                    /** @description base64url */
                    signature?: string;
                    /** @description base64url */
                    userHandle?: string;
                };
                /** @enum {string} */
                type: "public-key";
            } & {
                [key: string]: unknown;
            };
        };
        VerifyResetCodeRequest: {
            /** @example 123456 */
            code: string;
            /**
             * @description From the start of the reset
             * @example AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ
             */
            resetToken: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    OpsController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OpsController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every dependency answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                error?: string;
                                ok: boolean;
                            };
                        };
                        ready: boolean;
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description A dependency does not answer: the report names it. Or an error: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": {
                        checks: {
                            [key: string]: {
                                error?: string;
                                ok: boolean;
                            };
                        };
                        ready: boolean;
                    } | (components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    });
                };
            };
        };
    };
    RequestActivationCodeController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestActivationCodeRequest"];
            };
        };
        responses: {
            /** @description A letter with an activation code is on its way if the member matches the roster. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accepted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ROSTER_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ROSTER_MISMATCH",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ROSTER_MISMATCH";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED, RESEND_LIMIT_REACHED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESEND_LIMIT_REACHED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED" | "RESEND_LIMIT_REACHED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    EraseAccountController_erase: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's personal data is erased. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        erased: true;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ReadModelsAdminController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The serving generation, its checkpoint and document counts, and any job asked for. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoint: string | null;
                        comparing?: components["schemas"]["ReadModelRequest"];
                        documents: {
                            [key: string]: number;
                        };
                        generation: number;
                        lastCompare?: components["schemas"]["ReadModelRequest"];
                        lastRebuild?: components["schemas"]["ReadModelRequest"];
                        rebuilding?: components["schemas"]["ReadModelRequest"];
                        request?: components["schemas"]["ReadModelRequest"];
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ReadModelsAdminController_compare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A comparison is asked for (or a job is already under way). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "started": true,
                     *       "id": "7d0f3a8e-1c55-4f0e-b1d2-8a6c4e2f9b31",
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        comparing?: components["schemas"]["ReadModelRequest"];
                        /** Format: uuid */
                        id?: string;
                        rebuilding?: components["schemas"]["ReadModelRequest"];
                        /** @description False when a job of that kind was already pending or running. */
                        started: boolean;
                        status?: string;
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, REBUILD_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REBUILD_IN_PROGRESS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "REBUILD_IN_PROGRESS";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ReadModelsAdminController_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A rebuild is asked for (or a job is already under way). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "started": true,
                     *       "id": "7d0f3a8e-1c55-4f0e-b1d2-8a6c4e2f9b31",
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        comparing?: components["schemas"]["ReadModelRequest"];
                        /** Format: uuid */
                        id?: string;
                        rebuilding?: components["schemas"]["ReadModelRequest"];
                        /** @description False when a job of that kind was already pending or running. */
                        started: boolean;
                        status?: string;
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, REBUILD_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REBUILD_IN_PROGRESS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "REBUILD_IN_PROGRESS";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_state: {
        parameters: {
            query?: {
                at?: string;
                revision?: string;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's state then (secrets shown only as present or not). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Error codes: AUDIT_INVALID_OPTIONS, BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_INVALID_OPTIONS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_INVALID_OPTIONS" | "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_ACCOUNT_NOT_FOUND, AUDIT_BEFORE_FIRST_EVENT, AUDIT_REVISION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_ACCOUNT_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_ACCOUNT_NOT_FOUND" | "AUDIT_BEFORE_FIRST_EVENT" | "AUDIT_REVISION_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_EVENT_UNREADABLE, INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_EVENT_UNREADABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_EVENT_UNREADABLE" | "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: {
                /** @description Resume after this position (the last line’s `position`). */
                after?: string;
                /** @description One stream; all events otherwise. */
                streamId?: string;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event per line (NDJSON), as stored; revisions and positions as decimal strings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","type":"Registered","data":{}} */
                    "application/x-ndjson": string;
                };
            };
            /** @description Error codes: AUDIT_INVALID_OPTIONS, BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_INVALID_OPTIONS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_INVALID_OPTIONS" | "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_STREAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_STREAM_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_STREAM_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_EVENT_UNREADABLE, INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_EVENT_UNREADABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_EVENT_UNREADABLE" | "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_lastCompare: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The last comparison to finish, with its report; `{}` before the first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lastCompare?: components["schemas"]["ReadModelRequest"];
                    };
                };
            };
            /** @description Error codes: REASON_INVALID, REASON_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REASON_INVALID",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "REASON_INVALID" | "REASON_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_compare: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A comparison is asked for (or one is already under way). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "started": true,
                     *       "id": "7d0f3a8e-1c55-4f0e-b1d2-8a6c4e2f9b31",
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        comparing?: components["schemas"]["ReadModelRequest"];
                        /** Format: uuid */
                        id?: string;
                        rebuilding?: components["schemas"]["ReadModelRequest"];
                        /** @description False when a job of that kind was already pending or running. */
                        started: boolean;
                        status?: string;
                    };
                };
            };
            /** @description Error codes: REASON_INVALID, REASON_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REASON_INVALID",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "REASON_INVALID" | "REASON_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, REBUILD_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REBUILD_IN_PROGRESS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "REBUILD_IN_PROGRESS";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_compareRequest: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                /** @description The `id` the POST answered. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison, with its report once done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadModelRequest"];
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: READ_MODEL_REQUEST_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "READ_MODEL_REQUEST_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "READ_MODEL_REQUEST_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description One stream; every stream otherwise. */
                streamId?: string;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether every hash chain is intact, and the first broken link of each that is not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        breaks: Record<string, never>[];
                        intact: boolean;
                    };
                };
            };
            /** @description Error codes: AUDIT_INVALID_OPTIONS, BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_INVALID_OPTIONS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_INVALID_OPTIONS" | "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_STREAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_STREAM_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_STREAM_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_EVENT_UNREADABLE, INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_EVENT_UNREADABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_EVENT_UNREADABLE" | "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuditController_verifyWithProgress: {
        parameters: {
            query?: {
                /** @description A progress line every this many events read (default 1,000: one a page). */
                progressEvery?: number;
                /** @description One stream; every stream otherwise. */
                streamId?: string;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NDJSON, one object a line, sent as the verification goes: `{"progress":{"events","streams","breaks","firstBreak"?}}` at the start, every `progressEvery` events read and at the end (`firstBreak`, the first broken link met so far, as soon as there is one); then `{"result":…}`, what `GET /v1/audit/verify` answers. No total is given: the event store has no count of its events. Should the pass fail once started, the last line is `{"error":{"code":"AUDIT_VERIFY_FAILED","message"}}` instead of the result. A client that closes the connection stops the pass. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {"progress":{"events":0,"streams":0,"breaks":0}}
                     *     {"progress":{"events":1000,"streams":91,"breaks":1,"firstBreak":{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","eventId":"0193a3c4-7f1e-7c2a-9b1d-3e5f7a9c1b2d","reason":"hash-mismatch"}}}
                     *     {"result":{"intact":false,"streams":91,"events":1000,"breaks":[{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","eventId":"0193a3c4-7f1e-7c2a-9b1d-3e5f7a9c1b2d","reason":"hash-mismatch"}],"firstBreak":{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","eventId":"0193a3c4-7f1e-7c2a-9b1d-3e5f7a9c1b2d","reason":"hash-mismatch"}}}
                     */
                    "application/x-ndjson": string;
                };
            };
            /** @description Error codes: AUDIT_INVALID_OPTIONS, BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_INVALID_OPTIONS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_INVALID_OPTIONS" | "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_STREAM_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_STREAM_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_STREAM_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUDIT_EVENT_UNREADABLE, INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUDIT_EVENT_UNREADABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUDIT_EVENT_UNREADABLE" | "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    LogInController_logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogInRequest"];
            };
        };
        responses: {
            /** @description The password was right: the second step is under way (`secondFactor` says which). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "loginToken": "AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ",
                     *       "secondFactor": "email-code"
                     *     }
                     */
                    "application/json": components["schemas"]["LoginStarted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: USERNAME_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_REQUIRED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "USERNAME_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    CreateUsernameController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUsernameRequest"];
            };
        };
        responses: {
            /** @description The username now logs in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "username": "patexample"
                     *     }
                     */
                    "application/json": components["schemas"]["Username"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, USERNAME_ALREADY_CREATED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "USERNAME_ALREADY_CREATED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    VerifyAuthenticatorController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolAuthenticatorAtLoginRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session token and when it ends. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionToken": "q2N0bV8aF1pQm6cY3w0rZs9V4xJt7uKeLh5Gd8BnIoA",
                     *       "mustChangePassword": false,
                     *       "expiresAt": "2026-05-01T20:00:00.000Z",
                     *       "idleTimeoutSeconds": 900
                     *     }
                     */
                    "application/json": components["schemas"]["SessionGranted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUTHENTICATOR_CODE_INVALID, INVALID_CREDENTIALS, LOGIN_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_CODE_INVALID" | "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeyLoginController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyLoginOptionsRequest"];
            };
        };
        responses: {
            /** @description For navigator.credentials.get(), for this login only. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single use, valid 5 minutes. */
                        challenge: string;
                        rpId?: string;
                        timeout?: number;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS, LOGIN_NOT_STARTED, PASSKEY_UNKNOWN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED" | "PASSKEY_UNKNOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeyLoginController_passwordless: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordlessSignInRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session token and when it ends. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionGranted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS, PASSKEY_CHALLENGE_INVALID, PASSKEY_REFUSED, PASSKEY_SIGN_COUNT_REGRESSED, PASSKEY_UNKNOWN, PASSKEY_USER_VERIFICATION_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS" | "PASSKEY_CHALLENGE_INVALID" | "PASSKEY_REFUSED" | "PASSKEY_SIGN_COUNT_REGRESSED" | "PASSKEY_UNKNOWN" | "PASSKEY_USER_VERIFICATION_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PASSWORDLESS_DISABLED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSWORDLESS_DISABLED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PASSWORDLESS_DISABLED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeyLoginController_passwordlessOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description For navigator.credentials.get() with a discoverable passkey. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single use, valid 5 minutes. */
                        challenge: string;
                        rpId?: string;
                        timeout?: number;
                    };
                };
            };
            /** @description Error codes: PASSWORDLESS_DISABLED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSWORDLESS_DISABLED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PASSWORDLESS_DISABLED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ResendCodeController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendCodeRequest"];
            };
        };
        responses: {
            /** @description A new code is on its way; the earlier one no longer works. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sent": true
                     *     }
                     */
                    "application/json": components["schemas"]["Sent"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS, LOGIN_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED, RESEND_LIMIT_REACHED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESEND_LIMIT_REACHED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED" | "RESEND_LIMIT_REACHED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    VerifyAuthenticatorController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyAuthenticatorRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session token and when it ends. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionToken": "q2N0bV8aF1pQm6cY3w0rZs9V4xJt7uKeLh5Gd8BnIoA",
                     *       "mustChangePassword": false,
                     *       "expiresAt": "2026-05-01T20:00:00.000Z",
                     *       "idleTimeoutSeconds": 900
                     *     }
                     */
                    "application/json": components["schemas"]["SessionGranted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUTHENTICATOR_CODE_INVALID, AUTHENTICATOR_NOT_ENROLLED, CODE_ATTEMPTS_EXCEEDED, CODE_EXPIRED, CODE_INVALID, INVALID_CREDENTIALS, LOGIN_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_CODE_INVALID" | "AUTHENTICATOR_NOT_ENROLLED" | "CODE_ATTEMPTS_EXCEEDED" | "CODE_EXPIRED" | "CODE_INVALID" | "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    VerifyCodeController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyCodeRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session token and when it ends. Where an authenticator app is required and none is set up: no session yet, but an app to enrol (`authenticatorRequired: true`), confirmed at POST /v1/login/enrol-authenticator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionToken": "q2N0bV8aF1pQm6cY3w0rZs9V4xJt7uKeLh5Gd8BnIoA",
                     *       "mustChangePassword": false,
                     *       "expiresAt": "2026-05-01T20:00:00.000Z",
                     *       "idleTimeoutSeconds": 900
                     *     }
                     */
                    "application/json": components["schemas"]["SessionGranted"] | components["schemas"]["AuthenticatorEnrolmentRequired"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CODE_ATTEMPTS_EXCEEDED, CODE_EXPIRED, CODE_INVALID, INVALID_CREDENTIALS, LOGIN_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CODE_ATTEMPTS_EXCEEDED" | "CODE_EXPIRED" | "CODE_INVALID" | "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeyLoginController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyPasskeyLoginRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session token and when it ends. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionGranted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INVALID_CREDENTIALS, LOGIN_NOT_STARTED, PASSKEY_CHALLENGE_INVALID, PASSKEY_REFUSED, PASSKEY_SIGN_COUNT_REGRESSED, PASSKEY_UNKNOWN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED" | "PASSKEY_CHALLENGE_INVALID" | "PASSKEY_REFUSED" | "PASSKEY_SIGN_COUNT_REGRESSED" | "PASSKEY_UNKNOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    UseRecoveryCodeController_use: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UseRecoveryCodeRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session token and when it ends. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionToken": "q2N0bV8aF1pQm6cY3w0rZs9V4xJt7uKeLh5Gd8BnIoA",
                     *       "mustChangePassword": false,
                     *       "expiresAt": "2026-05-01T20:00:00.000Z",
                     *       "idleTimeoutSeconds": 900
                     *     }
                     */
                    "application/json": components["schemas"]["SessionGranted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUTHENTICATOR_NOT_ENROLLED, CODE_ATTEMPTS_EXCEEDED, CODE_EXPIRED, CODE_INVALID, INVALID_CREDENTIALS, LOGIN_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CREDENTIALS",
                     *         "message": "The username or password is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_NOT_ENROLLED" | "CODE_ATTEMPTS_EXCEEDED" | "CODE_EXPIRED" | "CODE_INVALID" | "INVALID_CREDENTIALS" | "LOGIN_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "username": "patexample",
                     *       "email": "pat@example.com",
                     *       "phone": "+15555550100",
                     *       "kind": "member",
                     *       "status": "active",
                     *       "emailVerified": true,
                     *       "mustChangePassword": false,
                     *       "authenticatorEnrolled": false
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuthenticatorController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new secret to add to the app; confirm it with the first code. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticatorEnrolment"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuthenticatorController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmAuthenticatorRequest"];
            };
        };
        responses: {
            /** @description The app is set up: log on now asks for its code. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUTHENTICATOR_CODE_INVALID, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUTHENTICATOR_CODE_INVALID",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_CODE_INVALID" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AuthenticatorController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveAuthenticatorRequest"];
            };
        };
        responses: {
            /** @description The app is removed: log on emails a code again. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUTHENTICATOR_NOT_ENROLLED, CURRENT_PASSWORD_WRONG, INVALID_CREDENTIALS, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CURRENT_PASSWORD_WRONG",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_NOT_ENROLLED" | "CURRENT_PASSWORD_WRONG" | "INVALID_CREDENTIALS" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ContactDetailsController_requestEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEmailRequest"];
            };
        };
        responses: {
            /** @description A code is on its way to the new address; the address changes when it is confirmed. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sent": true
                     *     }
                     */
                    "application/json": components["schemas"]["Sent"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CURRENT_PASSWORD_WRONG, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CURRENT_PASSWORD_WRONG",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CURRENT_PASSWORD_WRONG" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EMAIL_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED, RESEND_LIMIT_REACHED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESEND_LIMIT_REACHED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED" | "RESEND_LIMIT_REACHED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ContactDetailsController_confirmEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmEmailChangeRequest"];
            };
        };
        responses: {
            /** @description The new address is the account’s; the old one was told. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CODE_ATTEMPTS_EXCEEDED, CODE_EXPIRED, CODE_INVALID, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CODE_INVALID",
                     *         "message": "That code is not right."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CODE_ATTEMPTS_EXCEEDED" | "CODE_EXPIRED" | "CODE_INVALID" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, EMAIL_CHANGE_NOT_STARTED, EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EMAIL_CHANGE_NOT_STARTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "EMAIL_CHANGE_NOT_STARTED" | "EMAIL_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    MeController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This session ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    MeController_logoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every one of the account's sessions ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account’s passkeys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Absent until it is first used to sign in.
                         */
                        lastUsedAt?: string;
                        name: string;
                        /** Format: uuid */
                        passkeyId: string;
                        /** Format: date-time */
                        registeredAt: string;
                        /** @description Synced across the owner’s devices, or bound to one. */
                        synced: boolean;
                    }[];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSWORD_CHANGE_REQUIRED",
                     *         "message": "Choose a new password before you continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeysController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterPasskeyRequest"];
            };
        };
        responses: {
            /** @description The passkey is added. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Absent until it is first used to sign in.
                         */
                        lastUsedAt?: string;
                        name: string;
                        /** Format: uuid */
                        passkeyId: string;
                        /** Format: date-time */
                        registeredAt: string;
                        /** @description Synced across the owner’s devices, or bound to one. */
                        synced: boolean;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_LOCKED, PASSKEY_CHALLENGE_INVALID, PASSKEY_REFUSED, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSKEY_REFUSED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_LOCKED" | "PASSKEY_CHALLENGE_INVALID" | "PASSKEY_REFUSED" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED, STEP_UP_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED" | "STEP_UP_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, PASSKEY_ALREADY_REGISTERED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSKEY_ALREADY_REGISTERED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "PASSKEY_ALREADY_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeysController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                passkeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed: it no longer signs in. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PASSKEY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSKEY_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PASSKEY_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeysController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                passkeyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenamePasskeyRequest"];
            };
        };
        responses: {
            /** @description Renamed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PASSKEY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSKEY_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PASSKEY_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PasskeysController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description For navigator.credentials.create(). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single use, valid 5 minutes. */
                        challenge: string;
                        rpId?: string;
                        timeout?: number;
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED, STEP_UP_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED" | "STEP_UP_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ChangePasswordController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed; every session ends, this one too. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CURRENT_PASSWORD_WRONG, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CURRENT_PASSWORD_WRONG",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CURRENT_PASSWORD_WRONG" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SESSIONS_NOT_REVOKED, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SESSIONS_NOT_REVOKED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SESSIONS_NOT_REVOKED" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PermissionsController_permissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the portal may show this account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accountId": "4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10",
                     *       "kind": "member",
                     *       "functions": []
                     *     }
                     */
                    "application/json": components["schemas"]["Permissions"];
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PASSWORD_CHANGE_REQUIRED",
                     *         "message": "Choose a new password before you continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ContactDetailsController_changePhone: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePhoneRequest"];
            };
        };
        responses: {
            /** @description The phone number is changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    RecoveryCodesController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ten one-time codes, shown this once; the earlier ones no longer work. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description Error codes: AUTHENTICATOR_NOT_ENROLLED, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "AUTHENTICATOR_NOT_ENROLLED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_NOT_ENROLLED" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ContactDetailsController_changeSecurityQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeSecurityQuestionRequest"];
            };
        };
        responses: {
            /** @description The security question and its answer are changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CURRENT_PASSWORD_WRONG, UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CURRENT_PASSWORD_WRONG",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CURRENT_PASSWORD_WRONG" | "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OfficeUsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The office's users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OfficeUser"][];
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: FUNCTION_NOT_GRANTED, OFFICE_NOT_APPROVED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FUNCTION_NOT_GRANTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FUNCTION_NOT_GRANTED" | "OFFICE_NOT_APPROVED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OfficeUsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOfficeUserRequest"];
            };
        };
        responses: {
            /** @description The user is made and emailed a temporary password. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountCreated"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: FUNCTION_NOT_GRANTED, OFFICE_NOT_APPROVED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FUNCTION_NOT_GRANTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FUNCTION_NOT_GRANTED" | "OFFICE_NOT_APPROVED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, EMAIL_TAKEN, OFFICE_USER_EXISTS, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_USER_EXISTS",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "OFFICE_USER_EXISTS" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OfficeUsersController_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One of the office’s users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficeUser"];
                };
            };
            /** @description Error codes: BAD_REQUEST, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: FUNCTION_NOT_GRANTED, OFFICE_NOT_APPROVED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FUNCTION_NOT_GRANTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FUNCTION_NOT_GRANTED" | "OFFICE_NOT_APPROVED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_USER_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_USER_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OfficeUsersController_grant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                function: "eligibility" | "claims" | "referrals" | "authorizations" | "remittance" | "manage-users";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's functions now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "functions": [
                     *         "users",
                     *         "claims"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Functions"];
                };
            };
            /** @description Error codes: BAD_REQUEST, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: FUNCTION_NOT_GRANTED, OFFICE_NOT_APPROVED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FUNCTION_NOT_GRANTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FUNCTION_NOT_GRANTED" | "OFFICE_NOT_APPROVED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_USER_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_USER_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OfficeUsersController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                function: "eligibility" | "claims" | "referrals" | "authorizations" | "remittance" | "manage-users";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's functions now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "functions": [
                     *         "users",
                     *         "claims"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Functions"];
                };
            };
            /** @description Error codes: BAD_REQUEST, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: FUNCTION_NOT_GRANTED, OFFICE_NOT_APPROVED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FUNCTION_NOT_GRANTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FUNCTION_NOT_GRANTED" | "OFFICE_NOT_APPROVED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_USER_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_USER_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, LAST_ADMINISTRATOR */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "LAST_ADMINISTRATOR",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "LAST_ADMINISTRATOR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    OfficeUsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A temporary password is emailed to the user. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sent"];
                };
            };
            /** @description Error codes: BAD_REQUEST, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNAUTHENTICATED",
                     *         "message": "Sign in to continue."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: FUNCTION_NOT_GRANTED, OFFICE_NOT_APPROVED, PASSWORD_CHANGE_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "FUNCTION_NOT_GRANTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FUNCTION_NOT_GRANTED" | "OFFICE_NOT_APPROVED" | "PASSWORD_CHANGE_REQUIRED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_USER_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_USER_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ApproveOfficeController_approve: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                officeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approved: its first ID administrator may sign in and manage the office’s users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        administratorId?: string;
                        officeId: string;
                        /** @enum {string} */
                        status: "active";
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, OFFICE_ALREADY_APPROVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_ALREADY_APPROVED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "OFFICE_ALREADY_APPROVED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ResetPasswordController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartResetRequest"];
            };
        };
        responses: {
            /** @description A code is emailed if the username exists; the token looks the same either way. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resetToken": "AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ"
                     *     }
                     */
                    "application/json": components["schemas"]["ResetStarted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED, RESEND_LIMIT_REACHED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESEND_LIMIT_REACHED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED" | "RESEND_LIMIT_REACHED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ResetPasswordController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteResetRequest"];
            };
        };
        responses: {
            /** @description The new password is set; every session and any lock ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: LOGIN_NOT_STARTED, RESET_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESET_NOT_STARTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "LOGIN_NOT_STARTED" | "RESET_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RESET_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESET_NOT_ALLOWED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RESET_NOT_ALLOWED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ResetPasswordController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecurityAnswerRequest"];
            };
        };
        responses: {
            /** @description The answer is right: the new password may be set. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: LOGIN_NOT_STARTED, RESET_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESET_NOT_STARTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "LOGIN_NOT_STARTED" | "RESET_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, RESET_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "RESET_NOT_ALLOWED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, IDENTITY_MISMATCH, SECURITY_ANSWER_WRONG */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "IDENTITY_MISMATCH" | "SECURITY_ANSWER_WRONG";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ResetPasswordController_ask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentityRequest"];
            };
        };
        responses: {
            /** @description The account's security question, and the token to answer it with. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resetToken": "AXlUEpb72TPS5ONSNnIQH6MuEi40RG77vaJaVEtUHBDAh251-lY-ZoLiCpC7jBom9Q_VdPrIWnPa_KkRKQ",
                     *       "question": "Name of your first pet?"
                     *     }
                     */
                    "application/json": components["schemas"]["SecurityQuestion"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, RESET_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "RESET_NOT_ALLOWED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: IDENTITY_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "IDENTITY_MISMATCH",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "IDENTITY_MISMATCH";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ResetPasswordController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyResetCodeRequest"];
            };
        };
        responses: {
            /** @description The owner is proven: the new password may be set. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: AUTHENTICATOR_CODE_INVALID, CODE_ATTEMPTS_EXCEEDED, CODE_EXPIRED, CODE_INVALID, LOGIN_NOT_STARTED, RESET_NOT_STARTED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESET_NOT_STARTED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "AUTHENTICATOR_CODE_INVALID" | "CODE_ATTEMPTS_EXCEEDED" | "CODE_EXPIRED" | "CODE_INVALID" | "LOGIN_NOT_STARTED" | "RESET_NOT_STARTED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RESET_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESET_NOT_ALLOWED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RESET_NOT_ALLOWED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    PlanAccountsController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlanAccountRequest"];
            };
        };
        responses: {
            /** @description The account is made; its holder gets a temporary password. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountCreated"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ReactivateController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReactivateRequest"];
            };
        };
        responses: {
            /** @description The account is active again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "reactivated": true
                     *     }
                     */
                    "application/json": components["schemas"]["Reactivated"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, REACTIVATION_NOT_POSSIBLE, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REACTIVATION_NOT_POSSIBLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "REACTIVATION_NOT_POSSIBLE" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: REACTIVATION_EXPIRED, REACTIVATION_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REACTIVATION_INVALID",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "REACTIVATION_EXPIRED" | "REACTIVATION_INVALID";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    RegisterWithCodeController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWithCodeRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registered": true
                     *     }
                     */
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACTIVATION_CODE_ATTEMPTS_EXCEEDED, ACTIVATION_CODE_EXPIRED, ACTIVATION_CODE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACTIVATION_CODE_INVALID",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACTIVATION_CODE_ATTEMPTS_EXCEEDED" | "ACTIVATION_CODE_EXPIRED" | "ACTIVATION_CODE_INVALID";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    RegisterMemberController_registerMember: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterMemberRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registered": true
                     *     }
                     */
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ROSTER_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ROSTER_MISMATCH",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ROSTER_MISMATCH";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    RegisterNonmemberController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterNonmemberRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registered": true
                     *     }
                     */
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    RegisterProducerController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterProducerRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registered": true
                     *     }
                     */
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, MEMBER_ALREADY_REGISTERED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "USERNAME_TAKEN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "MEMBER_ALREADY_REGISTERED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ROSTER_MISMATCH */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ROSTER_MISMATCH",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ROSTER_MISMATCH";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    RegisterOfficeController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterOfficeRequest"];
            };
        };
        responses: {
            /** @description The office is registered, pending the plan’s approval of its first ID administrator. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "officeId": "b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90",
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        officeId: string;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ALREADY_REGISTERED, CONCURRENCY_CONFLICT, EMAIL_TAKEN, OFFICE_ALREADY_REGISTERED, USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_ALREADY_REGISTERED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ALREADY_REGISTERED" | "CONCURRENCY_CONFLICT" | "EMAIL_TAKEN" | "OFFICE_ALREADY_REGISTERED" | "USERNAME_TAKEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    StaffSessionController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who is signed in (the session cookie or bearer credential), with the roles held now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "staffId": "sam.support",
                     *       "roles": [
                     *         "support"
                     *       ],
                     *       "idleSeconds": 900,
                     *       "absoluteSeconds": 28800
                     *     }
                     */
                    "application/json": {
                        absoluteSeconds: number;
                        idleSeconds: number;
                        roles: ("support" | "auditor" | "admin")[];
                        staffId: string;
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    StaffSessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffSignInRequest"];
            };
        };
        responses: {
            /** @description Signed in: recorded as `StaffSignedIn` on `staff-<staffId>:sign-ins` (the code is then spent, on every instance), and sets the `staff_session` cookie (HttpOnly, SameSite=Strict, Secure but on loopback HTTP) of a session any API instance accepts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "staffId": "sam.support",
                     *       "roles": [
                     *         "support"
                     *       ],
                     *       "idleSeconds": 900,
                     *       "absoluteSeconds": 28800
                     *     }
                     */
                    "application/json": {
                        absoluteSeconds: number;
                        idleSeconds: number;
                        roles: ("support" | "auditor" | "admin")[];
                        staffId: string;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    StaffSessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out: the session ends on every instance, the cookie is cleared, and a live session’s end is recorded as `StaffSignedOut`. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    StaffSsoController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether single sign-on (OpenID Connect, OIDC_ISSUER) is configured. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "enabled": true
                     *     }
                     */
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    StaffSsoController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider's way back. Signed in: recorded as `StaffSignedIn` (method `sso`) on `staff-<staffId>:sign-ins`, sets `staff_session` and goes to `/console/?sso=signed-in`. Refused (counted in staff-refusals): `/console/?sso=no-role` when the roles claim maps to no staff role, `/console/?sso=refused` for anything else (state, code or id token not accepted, the flow cookie missing or expired, a disabled member). */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    StaffSsoController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider (authorization code flow, PKCE S256, state, nonce), setting the sealed `staff_sso` flow cookie (HttpOnly, SameSite=Lax, Path=/v1/staff/sso, 10 minutes); to `/console/?sso=off` when single sign-on is not configured, `/console/?sso=unavailable` when the provider does not answer. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SearchAccountsController_search: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                /** @description YYYY-MM-DD, with lastName. */
                dateOfBirth?: string;
                email?: string;
                /** @description With dateOfBirth. */
                lastName?: string;
                /** @description The first letters of the last name (2 or more). */
                lastNamePrefix?: string;
                limit?: number;
                memberId?: string;
                phone?: string;
                username?: string;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts found (one search key at a time). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["AccountSummary"][];
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, INVALID_CURSOR, INVALID_SEARCH, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_SEARCH",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "INVALID_CURSOR" | "INVALID_SEARCH" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AccountController_detail: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account, its personal data shown (the access is recorded). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSummary"] & {
                        kind?: string;
                        registered: boolean;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportActionsController_deactivate: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivateRequest"];
            };
        };
        responses: {
            /** @description Deactivated (`false`: it was not active, nothing changed); the member is emailed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deactivated": true
                     *     }
                     */
                    "application/json": {
                        deactivated: boolean;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    AccountController_history: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                limit?: number;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's history, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["HistoryEntry"][];
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, INVALID_CURSOR, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CURSOR",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "INVALID_CURSOR" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportPasskeysController_remove: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
                passkeyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupportRemovePasskeyRequest"];
            };
        };
        responses: {
            /** @description The passkey no longer signs in; the reason is in the account’s history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        removed: true;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND, PASSKEY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND" | "PASSKEY_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportActionsController_temporaryPassword: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A temporary password is emailed to the account holder. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sent"];
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_DEACTIVATED, STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_DEACTIVATED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DEACTIVATED" | "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED, NOT_REGISTERED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED" | "NOT_REGISTERED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportActionsController_unlock: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lock is lifted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        unlocked: true;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT, NOT_LOCKED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "NOT_LOCKED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT" | "NOT_LOCKED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportActionsController_usernameReminder: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `sent` is false when the account has no username or email to send. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sent"];
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCOUNT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCOUNT_NOT_FOUND",
                     *         "message": "No account with this id."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ERASED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ERASED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ERASED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ActivationsController_list: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                limit?: number;
                state?: "awaiting-letter" | "mailed";
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Activations by mail in flight. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: {
                            /** Format: uuid */
                            accountId: string;
                        }[];
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, INVALID_CURSOR, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CURSOR",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "INVALID_CURSOR" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    DeadLettersController_list: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The jobs that failed for good in one queue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        items: Record<string, never>[];
                        queue: string;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, QUEUE_UNKNOWN, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "QUEUE_UNKNOWN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "QUEUE_UNKNOWN" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: DEAD_LETTERS_UNAVAILABLE, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEAD_LETTERS_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "DEAD_LETTERS_UNAVAILABLE" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    DeadLettersController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job is queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        queued: true;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, QUEUE_UNKNOWN, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "QUEUE_UNKNOWN",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "QUEUE_UNKNOWN" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: DEAD_JOB_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEAD_JOB_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "DEAD_JOB_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: DEAD_LETTERS_UNAVAILABLE, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEAD_LETTERS_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "DEAD_LETTERS_UNAVAILABLE" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportOfficesController_list: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                limit?: number;
                /** @description `pending` (the default): registered, its first ID administrator not yet approved. */
                status?: "pending" | "active";
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the offices in that status (pending approval by default), ordered by office id; `next` while more remain. No tax id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "officeId": "b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90",
                     *           "name": "Lakeside Family Medicine",
                     *           "npi": "1234567893",
                     *           "status": "pending",
                     *           "registeredAt": "2026-11-20T09:00:00.000Z",
                     *           "firstAdministrator": "0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11",
                     *           "users": 1
                     *         }
                     *       ],
                     *       "next": "b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90"
                     *     }
                     */
                    "application/json": components["schemas"]["Page"] & {
                        items?: {
                            approved?: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                            };
                            /** Format: uuid */
                            firstAdministrator: string;
                            name: string;
                            npi: string;
                            /** Format: uuid */
                            officeId: string;
                            /** Format: date-time */
                            registeredAt: string;
                            /** @enum {string} */
                            status: "pending" | "active";
                            /** @description How many users the office has. */
                            users: number;
                        }[];
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportOfficeController_office: {
        parameters: {
            query?: never;
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                officeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The office. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        npi?: string;
                        officeId: string;
                        /** Format: date-time */
                        registeredAt?: string;
                        status: string;
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    SupportOfficeController_history: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                limit?: number;
            };
            header: {
                /** @description Why (recorded with the access): 1 to 200 characters, a ticket number and a few words, no personal data. */
                "X-Access-Reason": string;
            };
            path: {
                officeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The office's history, newest last. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"] & {
                        items?: components["schemas"]["HistoryEntry"][];
                    };
                };
            };
            /** @description Error codes: BAD_REQUEST, INVALID_CURSOR, REASON_INVALID, REASON_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_CURSOR",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "INVALID_CURSOR" | "REASON_INVALID" | "REASON_REQUIRED" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_UNAUTHENTICATED",
                     *         "message": "A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_UNAUTHENTICATED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: STAFF_FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "STAFF_FORBIDDEN",
                     *         "message": "Your staff role does not allow this."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "STAFF_FORBIDDEN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: OFFICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "OFFICE_NOT_FOUND",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "OFFICE_NOT_FOUND";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: ACCESS_NOT_RECORDED, EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "ACCESS_NOT_RECORDED",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCESS_NOT_RECORDED" | "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
    ForgotUsernameController_remind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotUsernameRequest"];
            };
        };
        responses: {
            /** @description The username is emailed if the address is known; the answer is the same either way. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accepted": true
                     *     }
                     */
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description Error codes: BAD_REQUEST, JSON_TOO_DEEP, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_FAILED",
                     *         "message": "Some fields are missing or not valid. Each is named in \"fields\"."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BAD_REQUEST" | "JSON_TOO_DEEP" | "VALIDATION_FAILED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: CONCURRENCY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONCURRENCY_CONFLICT",
                     *         "message": "The account changed while the request ran. Please try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONCURRENCY_CONFLICT";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "The request body is too large."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "PAYLOAD_TOO_LARGE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Send the request body as application/json."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNSUPPORTED_MEDIA_TYPE";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMITED",
                     *         "message": "Too many attempts. Please wait and try again."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: INTERNAL_ERROR */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INTERNAL_ERROR",
                     *         "message": "Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-…."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL_ERROR";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
            /** @description Error codes: EVENT_STORE_UNAVAILABLE, SHUTTING_DOWN */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "EVENT_STORE_UNAVAILABLE",
                     *         "message": "What went wrong, for the person."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Error"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EVENT_STORE_UNAVAILABLE" | "SHUTTING_DOWN";
                            fields?: Record<string, never>;
                            message?: string;
                        };
                    };
                };
            };
        };
    };
}
