/**
 * The account page: what support is asked about (registered? locked? deactivated? did the
 * letter go out? which sign-in factors?), the actions with a reason, and the timeline with
 * the member's own events apart from staff reads and actions.
 */
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AccountDetail, type Actor, api, type DeactivationBy, type HistoryEntry } from '../api';
import { Link } from '../router';
import {
  ActionForm,
  day,
  Empty,
  ErrorState,
  Loading,
  MoreButton,
  NeedsReason,
  ReasonInput,
  ScreenTitle,
  text,
  useReason,
  when,
} from '../ui';
import { STATUS_WORDS } from './search';

export function AccountScreen({ accountId }: { accountId: string }) {
  const reason = useReason();
  return (
    <>
      <ScreenTitle>Account</ScreenTitle>
      <p className="meta">
        <Link to="/">Back to search</Link> · Account id <code>{accountId}</code>
      </p>
      {reason ? <AccountPage accountId={accountId} reason={reason} /> : <NeedsReason />}
    </>
  );
}

function AccountPage({ accountId, reason }: { accountId: string; reason: string }) {
  const client = useQueryClient();
  const account = useQuery({
    queryKey: ['account', accountId],
    queryFn: () => api.account(accountId, reason),
  });
  if (account.isPending) return <Loading what="the account" />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  const a = account.data;
  const refresh = () =>
    Promise.all([account.refetch(), client.invalidateQueries({ queryKey: ['history', accountId] })]);
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => void refresh()}
        disabled={account.isFetching}
      >
        {account.isFetching ? 'Refreshing…' : 'Refresh'}
      </button>
      <Facts account={a} reason={reason} />
      <Actions account={a} />
      <History accountId={accountId} reason={reason} />
    </>
  );
}

function name(a: AccountDetail): string {
  const full = [a.personal.firstName, a.personal.lastName].filter(Boolean).map(String).join(' ');
  if (full) return full;
  // An account that only asked for an activation code has its member id and nothing else yet.
  if (a.personal.memberId) return `Member ${String(a.personal.memberId)}`;
  return a.personal.username ? String(a.personal.username) : 'No name on file';
}

/** Why an account was deactivated, in words (the route takes `owner` or `support`). */
const DEACTIVATED_BY: Record<DeactivationBy, string> = {
  owner: 'the member asked for it',
  support: 'support decided it (misuse, a duplicate account)',
};

function Facts({ account: a, reason }: { account: AccountDetail; reason: string }) {
  const activation = a.activation;
  return (
    <section aria-labelledby="facts-title" className="facts">
      <h2 id="facts-title">{name(a)}</h2>
      <div className="columns">
        <dl>
          <dt>Registered</dt>
          <dd>
            {a.registered
              ? `Yes, on ${when(a.registeredAt)}${a.registeredVia ? ` (${a.registeredVia})` : ''}`
              : 'No'}
          </dd>
          <dt>Status</dt>
          <dd>{STATUS_WORDS[a.status] ?? a.status}</dd>
          <dt>Locked</dt>
          <dd>
            {a.locked ? `Yes, until ${when(a.lockedUntil)}` : 'No'}
            {a.consecutiveFailures > 0 ? ` · ${a.consecutiveFailures} failed attempts in a row` : ''}
          </dd>
          <dt>Deactivated</dt>
          <dd>
            {a.deactivated
              ? `On ${when(a.deactivated.at)}: ${DEACTIVATED_BY[a.deactivated.reason as DeactivationBy] ?? a.deactivated.reason}`
              : 'No'}
          </dd>
          <dt>Kind</dt>
          <dd>{text(a.kind)}</dd>
          <dt>Last login</dt>
          <dd>{a.lastLogin ? `${when(a.lastLogin.at)} (${a.lastLogin.method})` : 'Never'}</dd>
          <dt>Authenticator app</dt>
          <dd>{a.authenticatorEnrolled ? 'Enrolled' : 'Not enrolled'}</dd>
          <dt>Recovery codes</dt>
          <dd>
            <RecoveryCodes accountId={a.accountId} reason={reason} />
          </dd>
          <dt>Password</dt>
          <dd>
            {!a.registered
              ? 'None yet'
              : a.mustChangePassword
                ? 'Temporary: must be changed at the next login'
                : 'Set by the member'}
          </dd>
        </dl>
        <dl>
          <dt>Username</dt>
          <dd>{text(a.personal.username)}</dd>
          <dt>Email</dt>
          <dd>
            {text(a.personal.email)}
            {a.personal.email ? (a.emailVerified ? ' (verified)' : ' (not verified)') : ''}
          </dd>
          <dt>Phone</dt>
          <dd>{text(a.personal.phone)}</dd>
          <dt>Member id</dt>
          <dd>{text(a.personal.memberId)}</dd>
          <dt>Date of birth</dt>
          <dd>{day(a.personal.dateOfBirth as string | undefined)}</dd>
          <dt>Activation letter</dt>
          <dd>
            {!activation
              ? 'None issued'
              : activation.used
                ? `Used (issued ${day(activation.issuedAt)})`
                : activation.mailedAt
                  ? `Mailed on ${day(activation.mailedAt)}, expected by ${day(activation.expectedDeliveryAt)}${activation.expired ? ' (code expired)' : ''}`
                  : `Issued ${day(activation.issuedAt)}, not mailed yet${activation.expired ? ' (code expired)' : ''}`}
          </dd>
          <dt>Office</dt>
          <dd>
            {a.office ? (
              <>
                <Link to={`/offices/${a.office.officeId}`}>{a.office.name}</Link> ({a.office.status})
              </>
            ) : a.organisation ? (
              text(a.organisation.name ?? a.organisation.id)
            ) : (
              '—'
            )}
          </dd>
        </dl>
      </div>
    </section>
  );
}

function Actions({ account: a }: { account: AccountDetail }) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['account', a.accountId] }),
      client.invalidateQueries({ queryKey: ['history', a.accountId] }),
    ]);
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">Help the member</h2>
      <div className="actions">
        <ActionForm
          title="Send the username again"
          description="Emails the member their username (only an active account with a username gets one)."
          button="Send username reminder"
          run={async (reason) => {
            const { sent } = await api.usernameReminder(a.accountId, reason);
            await refresh();
            return sent
              ? 'Username reminder sent to the email on file.'
              : 'Not sent: only an active account with a username gets a reminder.';
          }}
        />
        <ActionForm
          title="Temporary password"
          description="Emails the member a temporary password, to be changed at the next login. You never see it; every session of the account ends."
          button="Email a temporary password"
          run={async (reason) => {
            await api.temporaryPassword(a.accountId, reason);
            await refresh();
            return 'Temporary password emailed. It is not shown here: the member reads it in their email.';
          }}
        />
        <ActionForm
          title="Unlock"
          description={
            a.locked
              ? `Locked until ${when(a.lockedUntil)}. Unlocking lets the member try again now.`
              : 'Lets a locked-out member try again at once.'
          }
          button="Unlock the account"
          unavailable={a.locked ? undefined : 'Not locked: nothing to unlock.'}
          run={async (reason) => {
            await api.unlock(a.accountId, reason);
            await refresh();
            return 'Unlocked. The member can sign in again now.';
          }}
        />
        <DeactivateForm account={a} refresh={refresh} />
      </div>
    </section>
  );
}

/**
 * Deactivation, the one action that cannot be undone from here: who asked and a reason, both
 * required, then a confirmation naming its effects (the focus moves to it; Cancel or Escape
 * goes back to the form), then the outcome in words. The page shows the new status once the
 * read model has it.
 */
function DeactivateForm({
  account: a,
  refresh,
}: {
  account: AccountDetail;
  refresh: () => Promise<unknown>;
}) {
  const current = useReason();
  const [reason, setReason] = useState(current);
  const [by, setBy] = useState<DeactivationBy>();
  const [state, setState] = useState<
    | { kind: 'idle' | 'confirming' | 'busy' }
    | { kind: 'done'; message: string }
    | { kind: 'failed'; error: unknown }
  >({ kind: 'idle' });
  const id = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.kind === 'confirming') confirmRef.current?.focus();
  }, [state.kind]);
  const active = a.status === 'active';
  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim() || !by) return;
    setState({ kind: 'confirming' });
  };
  const cancel = () => {
    setState({ kind: 'idle' });
    // The confirmation goes away: the focus goes back to the button that opened it.
    setTimeout(() => startRef.current?.focus());
  };
  const deactivate = async () => {
    if (!by) return;
    setState({ kind: 'busy' });
    try {
      const { deactivated } = await api.deactivate(a.accountId, by, reason.trim());
      await refresh();
      setState({
        kind: 'done',
        message: deactivated
          ? 'Deactivated. Every session of the account ended, its username, email and member id are free again, and the member is emailed.'
          : 'Nothing changed: the account was not active.',
      });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return (
    <form className="action danger" onSubmit={ask} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Deactivate</h3>
      <p className="meta">
        Closes the account: the member can no longer sign in, and is emailed. Their username, email and member
        id are freed. Support cannot undo it here.
      </p>
      <fieldset disabled={state.kind === 'confirming' || state.kind === 'busy'}>
        <legend>Who asked</legend>
        {(
          [
            ['owner', 'The member asked'],
            ['support', 'Support decided (misuse, duplicate)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-by`}
              checked={by === value}
              onChange={() => setBy(value)}
              required
            />
            {label}
          </label>
        ))}
      </fieldset>
      <ReasonInput
        id={`${id}-reason`}
        reason={reason}
        setReason={setReason}
        readOnly={state.kind === 'confirming' || state.kind === 'busy'}
      />
      {!active && <p className="meta">Not active: nothing to deactivate.</p>}
      {state.kind === 'confirming' || state.kind === 'busy' ? (
        <div
          className="confirm"
          role="group"
          aria-labelledby={`${id}-confirm`}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && state.kind === 'confirming') cancel();
          }}
        >
          <p id={`${id}-confirm`}>
            <strong>Deactivate this account?</strong> The member is signed out everywhere and emailed.
          </p>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            onClick={() => void deactivate()}
            disabled={state.kind === 'busy'}
          >
            {state.kind === 'busy' ? 'Deactivating…' : 'Yes, deactivate'}
          </button>{' '}
          <button type="button" className="secondary" onClick={cancel} disabled={state.kind === 'busy'}>
            Cancel
          </button>
        </div>
      ) : (
        <button ref={startRef} type="submit" className="danger" disabled={!active}>
          Deactivate the account…
        </button>
      )}
      <div aria-live="polite">
        {state.kind === 'done' && <p className="success">{state.message}</p>}
        {state.kind === 'failed' && <ErrorState error={state.error} />}
      </div>
    </form>
  );
}

type Who = 'all' | 'member' | 'staff';

function isStaff(actor: Actor): boolean {
  return actor.kind === 'staff';
}

function actorWords(actor: Actor): string {
  switch (actor.kind) {
    case 'self':
      return 'the member';
    case 'staff':
      return `staff ${actor.staffId}${actor.role ? ` (${actor.role})` : ''}`;
    case 'system':
      return `system (${actor.component})`;
    case 'anonymous':
      return 'not signed in';
  }
}

/** The timeline, page by page; one query shared by the facts (recovery codes) and the history section. */
function useHistory(accountId: string, reason: string) {
  return useInfiniteQuery({
    queryKey: ['history', accountId],
    queryFn: ({ pageParam }) => api.history(accountId, reason, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
}

/** Recovery codes, from the timeline read so far (the account route does not carry them). */
function RecoveryCodes({ accountId, reason }: { accountId: string; reason: string }) {
  const history = useHistory(accountId, reason);
  if (history.isPending) return <>Reading the history…</>;
  if (history.isError) return <>Unknown (the history could not be read)</>;
  const entries = history.data.pages.flatMap((p) => p.items);
  const issued = entries.findLastIndex((e) => e.type === 'RecoveryCodesIssued');
  const more = history.hasNextPage ? ' in the history loaded so far' : '';
  if (issued < 0) return <>None issued{more}</>;
  const used = entries.slice(issued).filter((e) => e.type === 'RecoveryCodeUsed').length;
  return (
    <>
      Issued on {when(entries[issued].at)}, {used} used since{more}
    </>
  );
}

function History({ accountId, reason }: { accountId: string; reason: string }) {
  const history = useHistory(accountId, reason);
  const [who, setWho] = useState<Who>('all');
  const [type, setType] = useState('');
  const entries = useMemo(() => history.data?.pages.flatMap((p) => p.items) ?? [], [history.data]);
  const types = useMemo(() => [...new Set(entries.map((e) => e.type))].sort(), [entries]);
  const shown = entries.filter((e) => !type || e.type === type);
  const own = shown.filter((e) => !isStaff(e.actor));
  const staff = shown.filter((e) => isStaff(e.actor));
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">History</h2>
      <div className="filters">
        <fieldset>
          <legend>Show</legend>
          {(
            [
              ['all', 'Both'],
              ['member', 'The member’s own events'],
              ['staff', 'Staff reads and actions'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input type="radio" name="history-who" checked={who === value} onChange={() => setWho(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="history-kind">Kind of event</label>
          <select id="history-kind" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Every kind</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      {history.isPending ? (
        <Loading what="the history" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <div className={who === 'all' ? 'lanes' : 'lanes single'}>
            {who !== 'staff' && <Lane title="The member’s own events" id="lane-member" entries={own} />}
            {who !== 'member' && <Lane title="Staff reads and actions" id="lane-staff" entries={staff} />}
          </div>
          <MoreButton query={history} label="Load more history" />
        </>
      )}
    </section>
  );
}

function Lane({ title, id, entries }: { title: string; id: string; entries: HistoryEntry[] }) {
  return (
    <section aria-labelledby={id} className="lane">
      <h3 id={id}>{title}</h3>
      {entries.length === 0 ? (
        <Empty>Nothing here with this filter.</Empty>
      ) : (
        <ol className="timeline">
          {entries.map((e) => (
            <li key={`${e.streamId}/${e.revision}/${e.eventId}`}>
              <time dateTime={e.at}>{when(e.at)}</time>
              <p>{e.text}</p>
              <p className="meta">
                By {actorWords(e.actor)}
                {e.ip ? ` from ${e.ip}` : ''} · {e.type}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
