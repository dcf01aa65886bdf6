/** Emails and letters that ran out of attempts, and sending one again. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type DeadJob, type Queue, QUEUES } from '../api';
import { Empty, ErrorState, Loading, ScreenTitle, when } from '../ui';

const QUEUE_WORDS: Record<Queue, string> = { email: 'Emails', letter: 'Letters' };

export function DeadLettersScreen() {
  const [queue, setQueue] = useState<Queue>('email');
  return (
    <>
      <ScreenTitle>Dead letters</ScreenTitle>
      <p className="meta">
        Messages that failed every attempt. Jobs hold no personal data: ids and errors only.
      </p>
      <fieldset className="tabs">
        <legend>Queue</legend>
        {QUEUES.map((q) => (
          <label key={q} className="choice">
            <input type="radio" name="dead-queue" checked={queue === q} onChange={() => setQueue(q)} />
            {QUEUE_WORDS[q]}
          </label>
        ))}
      </fieldset>
      <DeadList key={queue} queue={queue} />
    </>
  );
}

function DeadList({ queue }: { queue: Queue }) {
  const dead = useQuery({ queryKey: ['dead-letters', queue], queryFn: () => api.deadLetters(queue) });
  if (dead.isPending) return <Loading what="dead letters" />;
  if (dead.isError) return <ErrorState error={dead.error} onRetry={() => void dead.refetch()} />;
  if (dead.data.items.length === 0) return <Empty>No dead {queue === 'email' ? 'emails' : 'letters'}.</Empty>;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {dead.data.count} dead {queue === 'email' ? 'emails' : 'letters'}
          {dead.data.count > dead.data.items.length ? `, the newest ${dead.data.items.length} shown` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Failed</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {dead.data.items.map((job) => (
            <DeadRow key={job.id} job={job} queue={queue} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeadRow({ job, queue }: { job: DeadJob; queue: Queue }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: () => api.retryDeadLetter(queue, job.id),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dead-letters', queue] }),
  });
  return (
    <tr>
      <td>
        <code>{job.id}</code>
      </td>
      <td>{when(job.failedAt)}</td>
      <td>{job.attemptsMade}</td>
      <td>{job.lastError}</td>
      <td>
        <button
          type="button"
          onClick={() => retry.mutate()}
          disabled={retry.isPending || retry.isSuccess}
          aria-label={`Send job ${job.id} again`}
        >
          {retry.isPending ? 'Sending…' : retry.isSuccess ? 'Queued again' : 'Send again'}
        </button>
        {retry.isError && <ErrorState error={retry.error} />}
      </td>
    </tr>
  );
}
