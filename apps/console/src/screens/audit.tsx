/**
 * Auditor screens (auditor and admin; support is shown the refusal): export events as
 * NDJSON, an account's state as of an instant and the difference between two instants,
 * and the replay-vs-live comparison of the read models (requested, then polled).
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type StateAsOf } from '../api';
import { ErrorState, Loading, NeedsReason, ScreenTitle, text, useReason, when } from '../ui';

export function ExportScreen() {
  const reason = useReason();
  const [streamId, setStreamId] = useState('');
  const [download, setDownload] = useState<{ href: string; name: string; lines: number }>();
  useEffect(() => () => download && URL.revokeObjectURL(download.href), [download]);
  const run = useMutation({
    mutationFn: () => api.exportEvents(reason, streamId.trim() || undefined),
    onSuccess: (ndjson) => {
      const lines = ndjson.split('\n').filter((l) => l !== '').length;
      const href = URL.createObjectURL(new Blob([ndjson], { type: 'application/x-ndjson' }));
      setDownload({ href, name: `${streamId.trim() || 'all-events'}.ndjson`, lines });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDownload(undefined);
    run.mutate();
  };
  return (
    <>
      <ScreenTitle>Export events</ScreenTitle>
      <p>Events as stored, one JSON object per line (personal data still encrypted). Auditors only.</p>
      {!reason && <NeedsReason />}
      <form onSubmit={submit}>
        <label htmlFor="export-stream">Stream (empty: every event)</label>
        <input
          id="export-stream"
          value={streamId}
          onChange={(e) => setStreamId(e.target.value)}
          placeholder="account-…"
          maxLength={200}
          autoComplete="off"
        />
        <button type="submit" disabled={!reason || run.isPending}>
          {run.isPending ? 'Exporting…' : 'Export'}
        </button>
      </form>
      <div aria-live="polite">
        {run.isError && <ErrorState error={run.error} />}
        {download && (
          <p className="success">
            {download.lines} {download.lines === 1 ? 'event' : 'events'} ready:{' '}
            <a href={download.href} download={download.name}>
              Download {download.name}
            </a>
          </p>
        )}
      </div>
    </>
  );
}

/** Every leaf of a JSON value, by its path. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, JSON.stringify(value));
  return out;
}

function differences(a: StateAsOf, b: StateAsOf): { path: string; before?: string; after?: string }[] {
  const x = leaves(a.state);
  const y = leaves(b.state);
  const paths = [...new Set([...x.keys(), ...y.keys()])].sort();
  return paths
    .filter((p) => x.get(p) !== y.get(p))
    .map((p) => ({ path: p, before: x.get(p), after: y.get(p) }));
}

/** Now, to the second: to the minute, an account made in this minute would not exist yet "as of" it. */
const localNow = () =>
  new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
const toIso = (local: string) => new Date(local).toISOString();

export function StateScreen() {
  const reason = useReason();
  const [accountId, setAccountId] = useState('');
  const [first, setFirst] = useState(localNow);
  const [second, setSecond] = useState('');
  const [asked, setAsked] = useState<{ accountId: string; first: string; second?: string }>();
  const one = useQuery({
    queryKey: ['state-as-of', asked?.accountId, asked?.first, reason],
    queryFn: () => api.stateAsOf(asked!.accountId, toIso(asked!.first), reason),
    enabled: asked !== undefined && reason !== '',
    retry: false,
  });
  const two = useQuery({
    queryKey: ['state-as-of', asked?.accountId, asked?.second, reason],
    queryFn: () => api.stateAsOf(asked!.accountId, toIso(asked!.second!), reason),
    enabled: asked?.second !== undefined && reason !== '',
    retry: false,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ accountId: accountId.trim(), first, ...(second ? { second } : {}) });
  };
  return (
    <>
      <ScreenTitle>Account state as of</ScreenTitle>
      <p>
        The account as its events said at an instant (secrets shown only as present or not), and what changed
        between two.
      </p>
      {!reason && <NeedsReason />}
      <form onSubmit={submit}>
        <label htmlFor="state-account">Account id</label>
        <input
          id="state-account"
          value={accountId}
          onChange={(e) => setAccountId(e.target.value)}
          required
          pattern="[0-9a-fA-F-]{36}"
          autoComplete="off"
        />
        <label htmlFor="state-at">As of (your local time)</label>
        <input
          id="state-at"
          type="datetime-local"
          step={1}
          value={first}
          onChange={(e) => setFirst(e.target.value)}
          required
        />
        <label htmlFor="state-then">Compare with (optional, a later instant)</label>
        <input
          id="state-then"
          type="datetime-local"
          step={1}
          value={second}
          onChange={(e) => setSecond(e.target.value)}
        />
        <button type="submit" disabled={!reason}>
          Show
        </button>
      </form>
      <div aria-live="polite">
        {one.isLoading && <Loading what="the state" />}
        {one.isError && <ErrorState error={one.error} onRetry={() => void one.refetch()} />}
        {two.isError && <ErrorState error={two.error} onRetry={() => void two.refetch()} />}
        {one.data && !two.data && <StateTable state={one.data} />}
        {one.data && two.data && <Difference a={one.data} b={two.data} />}
      </div>
    </>
  );
}

function StateTable({ state }: { state: StateAsOf }) {
  const rows = [...leaves(state.state)];
  return (
    <section>
      <h2>As of {when(state.asOf)}</h2>
      <p className="meta">
        Revision {String(state.revision)}, last event {state.lastEvent.type} at{' '}
        {when(state.lastEvent.occurredAt)}
        {state.chainBreak ? `; the chain is broken at revision ${text(state.chainBreak.revision)}` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([path, value]) => (
            <tr key={path}>
              <th scope="row">{path}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Difference({ a, b }: { a: StateAsOf; b: StateAsOf }) {
  const diff = differences(a, b);
  return (
    <section>
      <h2>
        From {when(a.asOf)} (revision {String(a.revision)}) to {when(b.asOf)} (revision {String(b.revision)})
      </h2>
      {diff.length === 0 ? (
        <p>Nothing changed between the two instants.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.path}>
                <th scope="row">{d.path}</th>
                <td>{d.before ?? '(absent)'}</td>
                <td>{d.after ?? '(absent)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ComparisonScreen() {
  const reason = useReason();
  const [id, setId] = useState<string>();
  const request = useMutation({
    mutationFn: () => api.requestComparison(reason),
    onSuccess: (answer) => setId(answer.id),
  });
  const report = useQuery({
    queryKey: ['comparison', id, reason],
    queryFn: () => api.comparison(id!, reason),
    enabled: id !== undefined && reason !== '',
    // Polled while the projector works on it.
    refetchInterval: (q) =>
      q.state.data && !['pending', 'running'].includes(q.state.data.status) ? false : 1500,
  });
  const r = report.data;
  return (
    <>
      <ScreenTitle>Replay vs live read models</ScreenTitle>
      <p>
        Asks the projector to replay every event into a shadow copy and compare it with the live read models.
      </p>
      {!reason && <NeedsReason />}
      <button type="button" onClick={() => request.mutate()} disabled={!reason || request.isPending}>
        Request a comparison
      </button>
      <div aria-live="polite">
        {request.isError && <ErrorState error={request.error} />}
        {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
        {id && !r && <Loading what="the comparison" />}
        {r && (
          <section>
            <h2>Comparison {r.status}</h2>
            <p className="meta">
              Requested {when(r.requestedAt)}; {r.events} events replayed
              {r.finishedAt ? `; finished ${when(r.finishedAt)}` : ''}
              {r.error ? `; error ${r.error}` : ''}
            </p>
            {r.result && <pre className="report">{JSON.stringify(r.result, null, 2)}</pre>}
          </section>
        )}
      </div>
    </>
  );
}
