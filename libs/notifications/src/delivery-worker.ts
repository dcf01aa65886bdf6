/**
 * The handlers of the `email` and `letter` queues. A job names an event; the
 * handler reads it, opens what it needs through the vault (the address, the
 * code), renders the message and sends it, and for a letter records the outcome
 * (`ActivationCodeMailed`) on the account's stream.
 *
 * Jobs run at least once, so each handler is safe to run again: an email keeps its
 * message id (the event id) and the outbox file is overwritten; a letter goes to
 * the vendor with the event id as idempotency key, and `ActivationCodeMailed` is
 * recorded only once per code. A code that is no longer the live one (resent,
 * used, expired) is not sent: it could only confuse.
 *
 * Errors name what failed and never the address or the code.
 */
import { type Accounts, accountCodec, accountIdOf } from '@portal/accounts';
import { type CommandContext, load } from '@portal/command';
import {
  type AccountEvent,
  type AccountEventType,
  type AccountState,
  accountDecider,
  secondStepOf,
} from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { type JobQueue, PermanentJobError, type QueuedJob } from '@portal/jobs';
import type { Logger } from '@portal/observability';
import type { Roster } from '@portal/roster';
import { ERASED, type Vault } from '@portal/vault';
import { addBusinessDays } from './business-days';
import { parseDeliveryPayload } from './deliveries';
import { type LetterSender, renderActivationLetter } from './letters';
import type { Mailer } from './mailer';
import { type EmailKind, type EmailVars, type PlanInfo, renderEmail } from './templates';

export interface DeliveryWorkerDeps {
  store: EventStore;
  accounts: Pick<Accounts, 'run' | 'policy' | 'snapshots'>;
  /** The vault the accounts seal with: the worker decodes the events and opens what a message needs. */
  vault: Vault;
  roster: Roster;
  mailer: Mailer;
  letters: LetterSender;
  plan: PlanInfo;
  /** The host part of message ids. */
  messageIdDomain?: string;
  logger: Logger;
  now?: () => number;
}

type Outcome = 'sent' | 'not-needed';

/**
 * The personal fields the worker opens while it folds the account's stream (after its
 * snapshot, which opens whole): the
 * address and first name an email uses, the username a reminder gives, and the
 * member id a letter looks up in the roster. Every other personal value stays
 * sealed in the folded state (the worker never reads it): of a registration's eight
 * sealed fields it opens two, and an EmailVerified none (bench/RESULTS.md,
 * Notifications: ~5% less CPU per email). A message that comes to need another
 * value must add it here.
 */
export const DELIVERY_PERSONAL_FIELDS: { readonly [T in AccountEventType]?: readonly string[] } = {
  ActivationCodeIssued: ['memberId'],
  Registered: ['profile.firstName', 'profile.email'],
  LegacyAccountImported: ['profile.firstName', 'profile.email'],
  AccountCreated: ['profile.firstName', 'profile.email'],
  UsernameCreated: ['username'],
  EmailChanged: ['email', 'previousEmail'],
  EmailChangeRequested: ['email'],
};

export class DeliveryWorker {
  private readonly codec;
  private readonly decider;
  /** The accounts' snapshots, read only: this worker's folds open only some fields, so they never become one. */
  private readonly snapshots;
  private readonly now: () => number;

  constructor(private readonly deps: DeliveryWorkerDeps) {
    this.codec = accountCodec(deps.vault, DELIVERY_PERSONAL_FIELDS);
    this.decider = accountDecider(deps.accounts.policy);
    this.snapshots = deps.accounts.snapshots?.reader();
    this.now = deps.now ?? Date.now;
  }

  /** Starts consuming both queues of `jobs`. */
  async start(jobs: JobQueue, concurrency: { email?: number; letter?: number } = {}): Promise<void> {
    await jobs.process('email', (job) => this.run(job), { concurrency: concurrency.email ?? 8 });
    await jobs.process('letter', (job) => this.run(job), { concurrency: concurrency.letter ?? 2 });
  }

  /** One job: the handler both queues use. */
  async run(job: QueuedJob): Promise<void> {
    let payload;
    try {
      payload = parseDeliveryPayload(job.payload);
    } catch {
      throw new PermanentJobError('The job payload is not a delivery');
    }
    const { streamId, kind } = payload;
    const accountId = accountIdOf(streamId);
    // The job's event alone, and the account's state from its snapshot and the events after it: an
    // email costs the same for an account with ten years of logins as for a new one.
    const revision = BigInt(payload.revision);
    const [[recorded], { state }] = await Promise.all([
      this.deps.store.readStream(streamId, { fromRevision: revision, maxCount: 1 }),
      load({ store: this.deps.store, codec: this.codec, snapshots: this.snapshots }, streamId, this.decider),
    ]);
    if (!recorded || recorded.revision !== revision || recorded.id !== job.id)
      throw new PermanentJobError(`Event ${job.id} is not at ${streamId}@${payload.revision}`);
    const event = await this.codec.decode(recorded);
    const outcome =
      event.type === 'ActivationCodeIssued'
        ? await this.mailLetter(job.id, accountId, event, state)
        : await this.email(job.id, accountId, kind as EmailKind, event, state);
    // Not counted in /metrics: messages go only to accounts that exist, so a count (of any kind)
    // would tell whether a request named one. The log line below is the record.
    this.deps.logger.info(
      { jobId: job.id, kind, outcome, attempt: job.attempt },
      outcome === 'sent' ? 'message sent' : 'message not needed any more',
    );
  }

  private async email(
    jobId: string,
    accountId: string,
    kind: EmailKind,
    event: AccountEvent,
    state: AccountState,
  ): Promise<Outcome> {
    // An email change writes to the address it is not yet (the code) or no longer (the notice) the account's.
    const to =
      event.type === 'EmailChangeRequested'
        ? event.data.email
        : event.type === 'EmailChanged'
          ? event.data.previousEmail
          : state.profile?.email;
    if (state.erased || !to || to === ERASED) return 'not-needed';
    const vars: EmailVars = { firstName: usable(state.profile?.firstName) };
    const vault = this.deps.vault;
    switch (event.type) {
      case 'OtpIssued': {
        const pending = secondStepOf(state, event.data.loginId);
        const live =
          pending?.step.otp?.id === event.data.otpId && Date.parse(event.data.expiresAt) > this.now();
        if (!live) return 'not-needed';
        vars.code = await openSecret(vault.open(accountId, event.data.codeSealed));
        vars.minutesValid = Math.max(1, Math.round((Date.parse(event.data.expiresAt) - this.now()) / 60_000));
        vars.purpose = pending?.purpose;
        break;
      }
      case 'UsernameReminderSent':
      case 'AlreadyRegisteredNoticeSent':
        if (!state.username || state.username === ERASED) return 'not-needed';
        vars.username = state.username;
        if (event.type === 'AlreadyRegisteredNoticeSent') vars.matched = event.data.matched;
        break;
      case 'Locked':
        vars.until = new Date(event.data.until);
        break;
      case 'TemporaryPasswordIssued':
        if (!state.mustChangePassword || state.passwordHash !== event.data.passwordHash) return 'not-needed';
        vars.temporaryPassword = await openSecret(vault.open(accountId, event.data.passwordSealed));
        vars.issuedBy = 'administratorId' in event.data ? 'office-administrator' : 'member-services';
        break;
      case 'Deactivated': {
        vars.reason = event.data.reason;
        // The link only while it still undoes this deactivation (not used, not replaced, not expired).
        const r = state.reactivation;
        const until = event.data.reactivableUntil ? Date.parse(event.data.reactivableUntil) : 0;
        if (
          event.data.reactivationSealed &&
          state.status === 'deactivated' &&
          r?.hash === event.data.reactivationHash &&
          until > this.now()
        ) {
          const token = await openSecret(vault.open(accountId, event.data.reactivationSealed));
          vars.reactivationUrl = `${this.deps.plan.portalUrl}/reactivate?token=${encodeURIComponent(token)}`;
          vars.reactivableUntil = new Date(until);
        }
        break;
      }
      case 'EmailChangeRequested': {
        const live =
          state.emailChange?.id === event.data.changeId && Date.parse(event.data.expiresAt) > this.now();
        if (!live) return 'not-needed';
        vars.code = await openSecret(vault.open(accountId, event.data.codeSealed));
        vars.minutesValid = Math.max(1, Math.round((Date.parse(event.data.expiresAt) - this.now()) / 60_000));
        break;
      }
      case 'EmailChanged':
        vars.newEmail = event.data.email;
        break;
      case 'SecurityAnswerFailed':
        vars.wrongAnswers = event.data.consecutive;
        vars.maxWrongAnswers = this.deps.accounts.policy.securityAnswer.maxConsecutiveWrong;
        break;
      default:
        break;
    }
    const message = renderEmail(kind, vars, this.deps.plan);
    await this.deps.mailer.send({
      messageId: `<${jobId}@${this.deps.messageIdDomain ?? 'portal.invalid'}>`,
      to,
      ...message,
    });
    return 'sent';
  }

  private async mailLetter(
    jobId: string,
    accountId: string,
    event: Extract<AccountEvent, { type: 'ActivationCodeIssued' }>,
    state: AccountState,
  ): Promise<Outcome> {
    const { codeId } = event.data;
    const activation = state.activation;
    const expiresAt = Date.parse(event.data.expiresAt);
    if (
      activation?.id !== codeId ||
      activation.mailedAt !== undefined ||
      activation.used ||
      expiresAt <= this.now()
    )
      return 'not-needed';
    if (event.data.memberId === ERASED) return 'not-needed';
    const entry = await this.deps.roster.getByMemberId(event.data.memberId);
    if (!entry) throw new PermanentJobError('The member is no longer on the roster');
    const code = await openSecret(this.deps.vault.open(accountId, event.data.codeSealed));
    const now = new Date(this.now());
    const recipient = { name: `${entry.firstName} ${entry.lastName}`, address: entry.address };
    const pdf = await renderActivationLetter(
      { reference: jobId, recipient, code, expiresAt: new Date(expiresAt) },
      this.deps.plan,
      now,
    );
    const receipt = await this.deps.letters.send({ reference: jobId, recipient, pdf });
    const ctx: CommandContext = {
      correlationId: jobId,
      causationId: jobId,
      actor: { kind: 'system', component: 'activation-letters' },
      occurredAt: now,
    };
    await this.deps.accounts.run(
      accountId,
      {
        type: 'RecordActivationCodeMailed',
        codeId,
        vendorReference: receipt.vendorReference,
        expectedDeliveryAt: (receipt.expectedDeliveryAt ?? addBusinessDays(now, 5)).getTime(),
        now: now.getTime(),
      },
      ctx,
    );
    return 'sent';
  }
}

async function openSecret(opened: Promise<unknown>): Promise<string> {
  const value = await opened;
  if (value === ERASED) throw new PermanentJobError('The account was erased');
  if (typeof value !== 'string') throw new PermanentJobError('A sealed value is not a string');
  return value;
}

function usable(value: string | undefined): string | undefined {
  return value && value !== ERASED ? value : undefined;
}
