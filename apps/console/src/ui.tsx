/**
 * What every screen shares: its title (focused on arrival, so a keyboard or screen-reader
 * user starts there), the loading / error / refused states, the access reason, and the
 * form every action goes through (a required reason, then the answer in words).
 */
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { ApiError } from './api';

// ---- the reason for access (X-Access-Reason), one per piece of work ----

export const ReasonContext = createContext<{ reason: string; setReason: (r: string) => void }>({
  reason: '',
  setReason: () => undefined,
});

export function useReason(): string {
  return useContext(ReasonContext).reason.trim();
}

/** Shown instead of a screen's data until a reason is given in the bar above. */
export function NeedsReason() {
  return (
    <p className="notice" role="status">
      Give a reason for access first (in <a href="#reason">the reason field</a> at the top: a ticket number
      and a few words, no personal data). Every read is recorded with it.
    </p>
  );
}

// ---- titles ----

export function ScreenTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

// ---- states ----

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="empty" role="status">
      {children}
    </p>
  );
}

export function Refused({ error }: { error: ApiError }) {
  return (
    <div className="refused" role="alert">
      <h2>Not allowed</h2>
      <p>
        Your staff role does not allow this screen (403 {error.code}). The refusal has been recorded. If you
        need it, ask an administrator for the role.
      </p>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.refused) return <Refused error={error} />;
  const e = error instanceof ApiError ? error : undefined;
  return (
    <div className="error" role="alert">
      <h2>Something went wrong</h2>
      <p>{e?.message ?? 'The console could not read the answer.'}</p>
      {e?.fields && (
        <ul>
          {Object.entries(e.fields).map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
      {e && (
        <p className="meta">
          {e.status > 0 ? `HTTP ${e.status}, ` : ''}
          {e.code}
          {e.correlationId ? `, correlation id ${e.correlationId}` : ''}
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

// ---- words ----

export function when(iso: string | number | undefined): string {
  if (iso === undefined) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? String(iso)
    : d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function day(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
}

export function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// ---- actions ----

/**
 * One action on a record: a required reason (prefilled with the current one), a button, and
 * the outcome in words. `run` answers the sentence to show when it succeeded.
 */
/** "More …" under a paged list: the next page of an infinite query, disabled while it loads. */
export function MoreButton({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
      {query.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}

/** The required, recorded reason of an action (at most 200 characters, as the API takes it). */
export function ReasonInput({
  id,
  reason,
  setReason,
  readOnly,
}: {
  id: string;
  reason: string;
  setReason: (r: string) => void;
  readOnly?: boolean;
}) {
  return (
    <>
      <label htmlFor={id}>Reason (recorded)</label>
      <input
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        maxLength={200}
        autoComplete="off"
        readOnly={readOnly}
      />
    </>
  );
}

export function ActionForm({
  title,
  description,
  button,
  run,
  unavailable,
}: {
  title: string;
  description: ReactNode;
  button: string;
  run: (reason: string) => Promise<string>;
  /** Why the action cannot be taken now (the button is then disabled); the form stays, with its last outcome. */
  unavailable?: string;
}) {
  const current = useReason();
  const [reason, setReason] = useState(current);
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' } | { kind: 'done'; message: string } | { kind: 'failed'; error: unknown }
  >({
    kind: 'idle',
  });
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', message: await run(reason.trim()) });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return (
    <form className="action" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="meta">{description}</p>
      <ReasonInput id={`${id}-reason`} reason={reason} setReason={setReason} />
      {unavailable && <p className="meta">{unavailable}</p>}
      <button type="submit" disabled={state.kind === 'busy' || unavailable !== undefined}>
        {state.kind === 'busy' ? 'Working…' : button}
      </button>
      <div aria-live="polite">
        {state.kind === 'done' && <p className="success">{state.message}</p>}
        {state.kind === 'failed' && <ErrorState error={state.error} />}
      </div>
    </form>
  );
}
