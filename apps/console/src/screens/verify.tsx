/**
 * The first auditor screen: verify every stream's hash chain (GET /v1/audit/verify, auditor
 * and admin only; support is refused, and the refusal is shown and recorded).
 */
import { useMutation } from '@tanstack/react-query';
import { api } from '../api';
import { ErrorState, NeedsReason, ScreenTitle, useReason } from '../ui';

export function VerifyScreen() {
  const reason = useReason();
  const verify = useMutation({ mutationFn: () => api.verifyChains(reason) });
  return (
    <>
      <ScreenTitle>Verify the hash chains</ScreenTitle>
      <p>
        Reads every stream and checks that each event carries the hash of the one before it. Auditors only.
      </p>
      {!reason && <NeedsReason />}
      <button type="button" onClick={() => verify.mutate()} disabled={!reason || verify.isPending}>
        {verify.isPending ? 'Verifying…' : 'Verify every chain'}
      </button>
      <div aria-live="polite">
        {verify.isError && <ErrorState error={verify.error} />}
        {verify.isSuccess &&
          (verify.data.intact ? (
            <p className="success">Every chain is intact.</p>
          ) : (
            <div className="error" role="alert">
              <h2>Broken links</h2>
              <ul>
                {verify.data.breaks.map((b) => (
                  <li key={b.streamId}>
                    {b.streamId}, at revision {String(b.revision ?? '?')}:{' '}
                    {String(b.reason ?? 'hash mismatch')}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </div>
    </>
  );
}
