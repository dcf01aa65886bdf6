/**
 * The first auditor screen: verify every stream's hash chain (GET /v1/audit/verify/progress,
 * auditor and admin only; support is refused, and the refusal is shown and recorded). The
 * answer comes as it goes: a progress bar (indeterminate: the store has no count of its events)
 * with the events and streams checked so far, the first broken link as soon as one is met, then
 * the result. Leaving the screen stops the verification.
 */
import { useEffect, useRef, useState } from 'react';
import { api, type ChainBreak, type VerifyProgress, type VerifyReport } from '../api';
import { ErrorState, NeedsReason, ScreenTitle, useReason } from '../ui';

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; progress: VerifyProgress }
  | { kind: 'done'; progress: VerifyProgress; report: VerifyReport }
  | { kind: 'failed'; progress?: VerifyProgress; error: unknown };

const BREAK_WORDS: Record<string, string> = {
  'hash-mismatch': 'the event was altered (its hash does not match its content)',
  'prev-hash-mismatch': 'it does not follow the event before it (altered or removed)',
  'missing-hash': 'the event has no hash',
  'revision-gap': 'an event is missing before it',
  unreadable: 'the store cannot read the event',
};

function breakWords(b: ChainBreak): string {
  const why = BREAK_WORDS[String(b.reason)] ?? String(b.reason ?? 'hash mismatch');
  return `${b.streamId}, at revision ${String(b.revision ?? '?')}: ${why}`;
}

function counts(p: VerifyProgress): string {
  const events = `${p.events.toLocaleString('en-US')} ${p.events === 1 ? 'event' : 'events'}`;
  const streams = `${p.streams.toLocaleString('en-US')} ${p.streams === 1 ? 'stream' : 'streams'}`;
  const broken = p.breaks === 0 ? 'none broken' : `${p.breaks} broken`;
  return `${events} in ${streams}, ${broken}`;
}

/** The value, at most once every `ms` (and at once when `final`): what a screen reader is told. */
function useThrottled<T>(value: T, ms: number, final: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = final ? 0 : Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, final]);
  return shown;
}

export function VerifyScreen() {
  const reason = useReason();
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const abort = useRef<AbortController>(undefined);
  // Leaving the screen stops the pass on the service too (the connection closes).
  useEffect(() => () => abort.current?.abort(), []);
  const start = () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    let latest: VerifyProgress = { events: 0, streams: 0, breaks: 0 };
    setRun({ kind: 'running', progress: latest });
    api
      .verifyChainsWithProgress(
        reason,
        (progress) => {
          latest = progress;
          if (!controller.signal.aborted) setRun({ kind: 'running', progress });
        },
        controller.signal,
      )
      .then(
        (report) => {
          if (!controller.signal.aborted) setRun({ kind: 'done', progress: latest, report });
        },
        (error: unknown) => {
          if (!controller.signal.aborted)
            setRun({ kind: 'failed', progress: latest.events > 0 ? latest : undefined, error });
        },
      );
  };
  const progress = run.kind === 'idle' ? undefined : run.progress;
  const running = run.kind === 'running';
  const firstBreak = run.kind === 'done' ? run.report.firstBreak : progress?.firstBreak;
  const status = !progress
    ? ''
    : running
      ? `Verifying: ${counts(progress)} so far.`
      : run.kind === 'done'
        ? `Verified ${counts(progress)}.`
        : `Stopped after ${counts(progress)}.`;
  const announced = useThrottled(status, 2_000, !running);
  return (
    <>
      <ScreenTitle>Verify the hash chains</ScreenTitle>
      <p>
        Reads every stream and checks that each event carries the hash of the one before it. Auditors only. On
        a large store this takes minutes: the counts below move as it goes.
      </p>
      {!reason && <NeedsReason />}
      <button type="button" onClick={start} disabled={!reason || running}>
        {running ? 'Verifying…' : 'Verify every chain'}
      </button>
      {progress && (
        <section aria-labelledby="verify-progress-label">
          <p id="verify-progress-label" className="meta">
            Progress
          </p>
          <progress
            className="verify"
            aria-labelledby="verify-progress-label"
            aria-valuetext={status}
            aria-busy={running}
            {...(running ? {} : { value: 1, max: 1 })}
          />
          <p>{status}</p>
          <p className="visually-hidden" role="status">
            {announced}
          </p>
          {running && firstBreak && (
            <p className="error-text">First broken link so far: {breakWords(firstBreak)}.</p>
          )}
        </section>
      )}
      <div aria-live="polite">
        {run.kind === 'failed' && <ErrorState error={run.error} onRetry={start} />}
        {run.kind === 'done' &&
          (run.report.intact ? (
            <p className="success">Every chain is intact.</p>
          ) : (
            <div className="error" role="alert">
              <h2>Broken links</h2>
              {firstBreak && (
                <p>
                  <strong>First broken link:</strong> {breakWords(firstBreak)}
                  {firstBreak.eventId ? ` (event ${firstBreak.eventId})` : ''}.
                </p>
              )}
              <p>The first broken link of each broken stream, in the order met:</p>
              <ul>
                {run.report.breaks.map((b) => (
                  <li key={b.streamId}>{breakWords(b)}</li>
                ))}
              </ul>
            </div>
          ))}
      </div>
    </>
  );
}
