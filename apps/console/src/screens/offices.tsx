/**
 * Provider offices: open one by its id (from an administrator's account page, or the office's
 * call), see its users and status, and approve a pending office's first ID administrator.
 * The API has no list of pending offices yet, so the console cannot offer one.
 */
import { type FormEvent, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type OfficeView } from '../api';
import { Link, navigate } from '../router';
import { ActionForm, ErrorState, Loading, NeedsReason, ScreenTitle, text, useReason, when } from '../ui';

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
  return (
    <>
      <ScreenTitle>Provider offices</ScreenTitle>
      <p>
        A new office is pending until plan staff approve its first ID administrator. Open the office from its
        administrator&apos;s account page, or by the office id it was given at registration.
      </p>
      <form className="inline" onSubmit={submit}>
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
