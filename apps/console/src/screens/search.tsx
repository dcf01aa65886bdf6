/**
 * "Am I registered?": search by any one key the route takes. What was searched for stays in
 * this screen's memory (never in the address bar); the results link to the account page.
 */
import { type FormEvent, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type AccountStatus, type AccountSummary, api, type SearchQuery } from '../api';
import { Link } from '../router';
import {
  day,
  Empty,
  ErrorState,
  Loading,
  MoreButton,
  NeedsReason,
  ScreenTitle,
  text,
  useReason,
} from '../ui';

const KEYS = [
  { key: 'username', label: 'Username' },
  { key: 'email', label: 'Email' },
  { key: 'memberId', label: 'Member id' },
  { key: 'phone', label: 'Phone' },
  { key: 'lastNameDob', label: 'Last name and date of birth' },
  { key: 'lastNamePrefix', label: 'Start of the last name' },
] as const;
type Key = (typeof KEYS)[number]['key'];

export const STATUS_WORDS: Record<AccountStatus, string> = {
  'activation-pending': 'Not registered yet (activation code issued)',
  active: 'Registered, active',
  deactivated: 'Deactivated',
  erased: 'Erased',
};

function queryOf(key: Key, value: string, dateOfBirth: string): SearchQuery {
  switch (key) {
    case 'username':
      return { username: value };
    case 'email':
      return { email: value };
    case 'memberId':
      return { memberId: value };
    case 'phone':
      return { phone: value };
    case 'lastNameDob':
      return { lastName: value, dateOfBirth };
    case 'lastNamePrefix':
      return { lastNamePrefix: value };
  }
}

export function SearchScreen() {
  const reason = useReason();
  const [key, setKey] = useState<Key>('lastNameDob');
  const [value, setValue] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [query, setQuery] = useState<SearchQuery>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(queryOf(key, value.trim(), dateOfBirth));
  };
  const label = KEYS.find((k) => k.key === key)!.label;
  return (
    <>
      <ScreenTitle>Find an account</ScreenTitle>
      {!reason && <NeedsReason />}
      <form className="search" onSubmit={submit}>
        <fieldset>
          <legend>Search by</legend>
          <div className="choices">
            {KEYS.map((k) => (
              <label key={k.key} className="choice">
                <input
                  type="radio"
                  name="search-key"
                  value={k.key}
                  checked={key === k.key}
                  onChange={() => setKey(k.key)}
                />
                {k.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="fields">
          <div>
            <label htmlFor="search-value">{key === 'lastNameDob' ? 'Last name' : label}</label>
            <input
              id="search-value"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
              minLength={key === 'lastNamePrefix' ? 2 : 1}
              autoComplete="off"
              type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
            />
          </div>
          {key === 'lastNameDob' && (
            <div>
              <label htmlFor="search-dob">Date of birth</label>
              <input
                id="search-dob"
                type="date"
                value={dateOfBirth}
                onChange={(e) => setDateOfBirth(e.target.value)}
                required
              />
            </div>
          )}
          <button type="submit" disabled={!reason}>
            Search
          </button>
        </div>
      </form>
      {query && reason && <Results query={query} reason={reason} />}
    </>
  );
}

function Results({ query, reason }: { query: SearchQuery; reason: string }) {
  const results = useInfiniteQuery({
    queryKey: ['search', query],
    queryFn: ({ pageParam }) => api.search(query, reason, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
  });
  if (results.isPending) return <Loading what="matching accounts" />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  const items = results.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Empty>
        No account matches. The person has not registered (or registered with other details): try another key.
      </Empty>
    );
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">
        {items.length} {items.length === 1 ? 'account' : 'accounts'}
        {results.hasNextPage ? ' so far' : ''}
      </h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Status</th>
              <th scope="col">Locked</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a: AccountSummary) => (
              <tr key={a.accountId}>
                <td>
                  <Link to={`/accounts/${a.accountId}`}>
                    {[a.personal.firstName, a.personal.lastName].filter(Boolean).map(String).join(' ') ||
                      a.accountId}
                  </Link>
                </td>
                <td>{text(a.personal.username)}</td>
                <td>{day(a.personal.dateOfBirth as string | undefined)}</td>
                <td>{STATUS_WORDS[a.status] ?? a.status}</td>
                <td>{a.locked ? 'Locked' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton query={results} label="More results" />
    </section>
  );
}
