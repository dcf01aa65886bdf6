/** "Did my letter go out?": activation codes in flight, awaiting their letter or mailed. */
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ActivationState, api } from '../api';
import { Link } from '../router';
import {
  day,
  Empty,
  ErrorState,
  Loading,
  MoreButton,
  NeedsReason,
  ScreenTitle,
  useReason,
  when,
} from '../ui';

export function ActivationsScreen() {
  const reason = useReason();
  const [state, setState] = useState<ActivationState>('awaiting-letter');
  return (
    <>
      <ScreenTitle>Activation letters in flight</ScreenTitle>
      <fieldset className="tabs">
        <legend>Letters</legend>
        {(
          [
            ['awaiting-letter', 'Awaiting the letter'],
            ['mailed', 'Mailed'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="activation-state"
              checked={state === value}
              onChange={() => setState(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {reason ? <Letters key={state} state={state} reason={reason} /> : <NeedsReason />}
    </>
  );
}

function Letters({ state, reason }: { state: ActivationState; reason: string }) {
  const letters = useInfiniteQuery({
    queryKey: ['activations', state],
    queryFn: ({ pageParam }) => api.activations(state, reason, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (letters.isPending) return <Loading what="activation letters" />;
  if (letters.isError) return <ErrorState error={letters.error} onRetry={() => void letters.refetch()} />;
  const items = letters.data.pages.flatMap((p) => p.items);
  const refresh = (
    <button
      type="button"
      className="secondary"
      onClick={() => void letters.refetch()}
      disabled={letters.isFetching}
    >
      {letters.isFetching ? 'Refreshing…' : 'Refresh'}
    </button>
  );
  if (items.length === 0)
    return (
      <>
        {refresh}
        <Empty>
          {state === 'mailed'
            ? 'No mailed letter is waiting to be used.'
            : 'No letter is waiting to be mailed.'}
        </Empty>
      </>
    );
  return (
    <>
      {refresh}
      <div className="table-wrap">
        <table>
          <caption>{items.length} activation codes</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Code issued</th>
              <th scope="col">Code expires</th>
              <th scope="col">Mailed on</th>
              <th scope="col">Expected by</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.codeId}>
                <td>
                  <Link to={`/accounts/${a.accountId}`}>Account {a.accountId.slice(0, 8)}</Link>
                </td>
                <td>{when(a.issuedAt)}</td>
                <td>
                  {when(a.expiresAt)}
                  {a.expired ? ' (expired)' : ''}
                </td>
                <td>{day(a.mailedAt)}</td>
                <td>{day(a.expectedDeliveryAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton query={letters} label="More letters" />
    </>
  );
}
