/**
 * What both registrations share: the policy's field errors before any slow work,
 * the reservations of unique values (given back if anything later fails), the
 * argon2 hashes, and the command through the pipeline.
 *
 * The reservations come before the account (no store here writes both at once). A
 * process that dies in between leaves claims no account stands behind: the same form
 * sent again finds them by the request's fingerprint and completes the registration
 * under the id they were made for, and anyone else may take them once they are older
 * than CLAIM_TTL_MS (libs/command/src/reservation.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { CLAIM_TTL_MS, type CommandContext, type ReservationKind } from '@portal/command';
import { type AccountCommand, checkPassword, checkUsername, DomainError, type Profile } from '@portal/domain';
import { AccountErrors } from '@portal/domain';
import type { RosterEntry } from '@portal/roster';
import { RefusalTiming } from './refusal-timing';
import type { RegisterNonmemberRequest } from './registration.request';

export interface Credentials {
  username: string;
  password: string;
  securityAnswer: string;
}

/**
 * A value another account holds, answered as a success: an email address or a member
 * id says that somebody has an account, so the caller hears exactly what a
 * registration hears, and the holder is emailed instead (OWASP's answer to
 * enumeration at sign-up). A taken username is still said: people choose
 * usernames, and one says nothing about who holds it.
 */
const SAID_BY_EMAIL: Partial<Record<ReservationKind, { code: string; matched: 'email' | 'member' }>> = {
  email: { code: 'EMAIL_TAKEN', matched: 'email' },
  member: { code: 'MEMBER_ALREADY_REGISTERED', matched: 'member' },
};

/**
 * A registration that makes an account also creates its data key and seals its
 * profile (synced commits the notice path does not make): measured ~10 ms longer
 * at the median (bench/RESULTS.md "Enumeration timing"). The notice path waits out
 * the median of what recent registrations spent besides their argon2 hashes, as an
 * unknown username's login refusal does.
 * One per process, shared by every kind of registration.
 */
const REGISTRATIONS = new RefusalTiming();

export async function registerAccount(
  accounts: Accounts,
  ctx: CommandContext,
  credentials: Credentials,
  unique: [ReservationKind, string][],
  command: (
    accountId: string,
    hashes: { passwordHash: string; securityAnswerHash: string },
  ) => AccountCommand,
  /** An account that already has a stream (one waiting for its activation code); a new one otherwise. */
  existingAccountId?: string,
): Promise<'registered' | 'owner-notified'> {
  const fields = {
    ...checkUsername(credentials.username, accounts.policy),
    ...checkPassword(credentials.password, credentials.username, accounts.policy),
  };
  if (Object.keys(fields).length > 0) throw AccountErrors.validationFailed(fields);
  const started = performance.now();
  const claim = accounts.claimFingerprint(unique);
  // The same form sent again after its first send was cut off completes that send's account.
  const accountId = existingAccountId ?? (await accounts.abandonedClaimant(unique, claim)) ?? randomUUID();
  // Only what this call took (or completes) is given back, and never a value the account now holds: two
  // clicks of one form race, the first takes the reservations, the second registers first, and the first
  // then fails (already registered) and must not free what the account was registered with.
  const taken: [ReservationKind, string][] = [];
  const giveBack = async (keep: (kind: ReservationKind) => boolean = () => false) => {
    if (taken.length === 0) return;
    const owned = accounts.ownedKeys(await accounts.state(accountId));
    for (const [kind, value] of [...taken].reverse())
      if (!keep(kind) && !owned.has(accounts.lookupKey(kind, value)))
        await accounts.release(kind, value, accountId, ctx);
  };
  let heldElsewhere: { kind: ReservationKind; value: string; matched: 'email' | 'member' } | undefined;
  try {
    for (const [kind, value] of unique) {
      try {
        if ((await accounts.claim(kind, value, accountId, ctx, claim)) || !existingAccountId)
          taken.push([kind, value]);
      } catch (error) {
        const said = SAID_BY_EMAIL[kind];
        if (!said || !(error instanceof DomainError) || error.code !== said.code) throw error;
        // Go on: a taken username must still be answered as it would be otherwise.
        heldElsewhere ??= { kind, value, matched: said.matched };
      }
    }
    // The same hashing either way, so the time does not tell either.
    const hashing = performance.now();
    const [passwordHash, securityAnswerHash] = await Promise.all([
      accounts.hashPassword(credentials.password),
      accounts.hashPassword(credentials.securityAnswer),
    ]);
    // What the argon2 hashes took (the same work either way, and the noisiest part) is left out of the timing.
    const hashMs = performance.now() - hashing;
    if (heldElsewhere) {
      // Refused as it would be otherwise (a bad form, a wrong activation code, which counts), else answered
      // as a registration: only then does the answer match the one a free email would get.
      await accounts.rehearse(accountId, command(accountId, { passwordHash, securityAnswerHash }), ctx);
      // Everything this attempt took is given back, its username too: no account holds it, and keeping it
      // would let anyone squat usernames with somebody else's address. That a retry of the username then
      // finds it free tells no more than logging in with the attempt's own username and password does.
      await giveBack();
      const holder = await accounts.holder(heldElsewhere.kind, heldElsewhere.value);
      if (holder)
        await accounts.run(
          holder,
          {
            type: 'SendAlreadyRegisteredNotice',
            matched: heldElsewhere.matched,
            now: ctx.occurredAt.getTime(),
          },
          { ...ctx, actor: { kind: 'anonymous' } },
        );
      await REGISTRATIONS.padUnknown(performance.now() - started - hashMs);
      // The caller answers as for a registration, and makes nothing else for this account either.
      return 'owner-notified';
    }
    // Claims nobody stands behind expire: after a stall this long (an overloaded host), each is checked to be
    // still this account's before the account is recorded with it (a claim taken over meanwhile is refused).
    if (performance.now() - started > CLAIM_TTL_MS / 2)
      for (const [kind, value] of unique) await accounts.claim(kind, value, accountId, ctx, claim);
    await accounts.run(accountId, command(accountId, { passwordHash, securityAnswerHash }), ctx);
    REGISTRATIONS.record(performance.now() - started - hashMs);
    return 'registered';
  } catch (error) {
    await giveBack();
    throw error;
  }
}

/** The fields every registration command takes from the form. */
export function formFields(
  r: RegisterNonmemberRequest,
  hashes: { passwordHash: string; securityAnswerHash: string },
  ctx: CommandContext,
) {
  return {
    username: r.username,
    password: r.password,
    ...hashes,
    securityQuestion: r.securityQuestion,
    communication: r.communication,
    termsAccepted: r.termsAccepted,
    now: ctx.occurredAt.getTime(),
  };
}

/** A member's profile: name and date of birth as the roster has them, contact details from the form. */
export function memberProfile(entry: RosterEntry, r: RegisterNonmemberRequest): Profile {
  return {
    firstName: entry.firstName,
    lastName: entry.lastName,
    dateOfBirth: entry.dateOfBirth,
    email: r.email,
    phone: r.phone,
    memberId: entry.memberId,
  };
}
