/**
 * Provider offices: the offices pending approval, each approved from the list with a reason
 * (seed 004: a new office waits until plan staff approve its first ID administrator); or one
 * opened by its id (from an administrator's account page, or the office's call), with its users
 * and status.
 */
import { type FormEvent, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type OfficeSummary, type OfficeView } from '../api';
import { Link, navigate } from '../router';
import {
  ActionForm,
  Empty,
  ErrorState,
  Loading,
  MoreButton,
  NeedsReason,
  ScreenTitle,
  text,
  useReason,
  when,
} from '../ui';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function OfficesScreen() {
  const [id, setId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = id.trim();
    if (!UUID.test(value)) return setInvalid(true);
    navigate(`/offices/${value}`);
  };
  const reason = useReason();
  return (
    <>
      <ScreenTitle>Provider offices</ScreenTitle>
      <p>
        A new office is pending until plan staff approve its first ID administrator. Check the office (its
        NPI, the administrator) before approving it.
      </p>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">Pending approval</h2>
        {reason ? <Pending reason={reason} /> : <NeedsReason />}
      </section>
      <h2 id="open-title">Open an office</h2>
      <p className="meta">
        From its administrator&apos;s account page, or by the office id it was given at registration.
      </p>
      <form className="inline" onSubmit={submit} aria-labelledby="open-title">
        <label htmlFor="office-id">Office id</label>
        <input
          id="office-id"
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            setInvalid(false);
          }}
          required
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={invalid ? 'office-id-error' : undefined}
        />
        <button type="submit">Open the office</button>
        {invalid && (
          <p id="office-id-error" className="error-text" role="alert">
            An office id looks like 0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11.
          </p>
        )}
      </form>
    </>
  );
}

/**
 * The pending offices, a page at a time, each with its approval (one reason for the list,
 * prefilled with the current one). An office approved here leaves the list at once; the list
 * is then read again (the read model follows the approval a moment later).
 */
function Pending({ reason }: { reason: string }) {
  const client = useQueryClient();
  const [actionReason, setActionReason] = useState(reason);
  const [approved, setApproved] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<
    { kind: 'done'; message: string } | { kind: 'failed'; error: unknown }
  >();
  const [busy, setBusy] = useState<string>();
  const offices = useInfiniteQuery({
    queryKey: ['offices', 'pending'],
    queryFn: ({ pageParam }) => api.offices('pending', reason, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (offices.isPending) return <Loading what="the offices pending approval" />;
  if (offices.isError) return <ErrorState error={offices.error} onRetry={() => void offices.refetch()} />;
  const items = offices.data.pages.flatMap((p) => p.items).filter((o) => !approved.includes(o.officeId));
  const approve = async (o: OfficeSummary) => {
    if (!actionReason.trim()) return;
    setBusy(o.officeId);
    setOutcome(undefined);
    try {
      await api.approveOffice(o.officeId, actionReason.trim());
      setApproved((a) => [...a, o.officeId]);
      setOutcome({ kind: 'done', message: `Approved ${o.name}: the office is active.` });
      void client.invalidateQueries({ queryKey: ['offices'] });
      void client.invalidateQueries({ queryKey: ['office', o.officeId] });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(undefined);
    }
  };
  const outcomeLine = (
    <div aria-live="polite">
      {outcome?.kind === 'done' && <p className="success">{outcome.message}</p>}
      {outcome?.kind === 'failed' && <ErrorState error={outcome.error} />}
    </div>
  );
  const refresh = (
    <button
      type="button"
      className="secondary"
      onClick={() => void offices.refetch()}
      disabled={offices.isFetching}
    >
      {offices.isFetching ? 'Refreshing…' : 'Refresh'}
    </button>
  );
  if (items.length === 0)
    return (
      <>
        {refresh}
        {outcomeLine}
        <Empty>No office is waiting for approval.</Empty>
      </>
    );
  return (
    <>
      {refresh}
      <div className="fields">
        <div>
          <label htmlFor="approve-reason">Reason for approving (recorded)</label>
          <input
            id="approve-reason"
            value={actionReason}
            onChange={(e) => setActionReason(e.target.value)}
            required
            maxLength={200}
            autoComplete="off"
          />
        </div>
      </div>
      {outcomeLine}
      <div className="table-wrap">
        <table>
          <caption>
            {items.length} {items.length === 1 ? 'office' : 'offices'} pending approval
            {offices.hasNextPage ? ' (more to load)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Office</th>
              <th scope="col">NPI</th>
              <th scope="col">Registered</th>
              <th scope="col">First ID administrator</th>
              <th scope="col">Approve</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.officeId}>
                <td>
                  <Link to={`/offices/${o.officeId}`}>{o.name}</Link>
                </td>
                <td>{o.npi}</td>
                <td>{when(o.registeredAt)}</td>
                <td>
                  <Link to={`/accounts/${o.firstAdministrator}`}>
                    Account {o.firstAdministrator.slice(0, 8)}
                  </Link>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => void approve(o)}
                    disabled={busy !== undefined || !actionReason.trim()}
                    aria-label={`Approve ${o.name}`}
                  >
                    {busy === o.officeId ? 'Approving…' : 'Approve'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton query={offices} label="More offices" />
    </>
  );
}

export function OfficeScreen({ officeId }: { officeId: string }) {
  const reason = useReason();
  return (
    <>
      <ScreenTitle>Provider office</ScreenTitle>
      <p className="meta">
        <Link to="/offices">All offices</Link> · Office id <code>{officeId}</code>
      </p>
      {reason ? <Office officeId={officeId} reason={reason} /> : <NeedsReason />}
    </>
  );
}

function Office({ officeId, reason }: { officeId: string; reason: string }) {
  const client = useQueryClient();
  const office = useQuery({ queryKey: ['office', officeId], queryFn: () => api.office(officeId, reason) });
  if (office.isPending) return <Loading what="the office" />;
  if (office.isError) return <ErrorState error={office.error} onRetry={() => void office.refetch()} />;
  const o: OfficeView = office.data;
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => void office.refetch()}
        disabled={office.isFetching}
      >
        {office.isFetching ? 'Refreshing…' : 'Refresh'}
      </button>
      <section aria-labelledby="office-title" className="facts">
        <h2 id="office-title">{o.name}</h2>
        <dl>
          <dt>Status</dt>
          <dd>{o.status === 'pending' ? 'Pending approval' : o.status === 'active' ? 'Active' : o.status}</dd>
          <dt>NPI</dt>
          <dd>{o.npi}</dd>
          <dt>Tax id</dt>
          <dd>{text(o.taxId)}</dd>
          <dt>Registered</dt>
          <dd>{when(o.registeredAt)}</dd>
          <dt>First ID administrator</dt>
          <dd>
            <Link to={`/accounts/${o.firstAdministrator}`}>Account {o.firstAdministrator.slice(0, 8)}</Link>
          </dd>
          <dt>Approved</dt>
          <dd>{o.approved ? `${when(o.approved.at)} by ${text(o.approved.by)}` : 'Not yet'}</dd>
        </dl>
      </section>
      <ActionForm
        title="Approve the office"
        description="The office becomes active and its first ID administrator may use every function."
        button="Approve the office"
        unavailable={o.status === 'pending' ? undefined : 'Already approved.'}
        run={async (r) => {
          await api.approveOffice(officeId, r);
          await client.invalidateQueries({ queryKey: ['office', officeId] });
          return 'Approved: the office is active.';
        }}
      />
      <section aria-labelledby="office-users">
        <h2 id="office-users">Users</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Functions</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {o.users.map((u) => (
                <tr key={u.accountId}>
                  <td>
                    <Link to={`/accounts/${u.accountId}`}>Account {u.accountId.slice(0, 8)}</Link>
                  </td>
                  <td>{u.functions.join(', ') || 'none'}</td>
                  <td>{when(u.addedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
