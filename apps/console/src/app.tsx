import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  isSignedIn,
  onCredentialChange,
  resumeSsoSession,
  signIn,
  signInWithPassword,
  signOut,
  SSO_START,
  ssoEnabled,
  staffId,
} from './api';
import { Link, navigate, usePath } from './router';
import { ReasonContext, ScreenTitle } from './ui';
import { SearchScreen } from './screens/search';
import { AccountScreen } from './screens/account';
import { ActivationsScreen } from './screens/activations';
import { DeadLettersScreen } from './screens/dead-letters';
import { OfficeScreen, OfficesScreen } from './screens/offices';
import { VerifyScreen } from './screens/verify';
import { ComparisonScreen, ExportScreen, StateScreen } from './screens/audit';

const NAV = [
  { to: '/', label: 'Find an account' },
  { to: '/activations', label: 'Activation letters' },
  { to: '/dead-letters', label: 'Dead letters' },
  { to: '/offices', label: 'Provider offices' },
  { to: '/audit/verify', label: 'Verify chains' },
  { to: '/audit/export', label: 'Export' },
  { to: '/audit/state', label: 'State as of' },
  { to: '/audit/compare', label: 'Replay check' },
];

export function App() {
  const [signedIn, setSignedIn] = useState(isSignedIn);
  const [expired, setExpired] = useState(false);
  const client = useQueryClient();
  useEffect(
    () =>
      onCredentialChange(() => {
        const now = isSignedIn();
        setSignedIn(now);
        if (!now) setExpired(true);
        // Nothing read under one credential stays in memory for the next.
        if (!now) client.clear();
      }),
    [client],
  );
  const onSignedIn = useCallback(() => setExpired(false), []);
  return signedIn ? <Shell /> : <SignIn expired={expired} onSignedIn={onSignedIn} />;
}

/** What the service's single sign-on redirect said (`?sso=`), read once and taken out of the address. */
function takeSsoOutcome(): string | undefined {
  const params = new URLSearchParams(window.location.search);
  const outcome = params.get('sso') ?? undefined;
  if (outcome !== undefined) {
    params.delete('sso');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
  }
  return outcome;
}

const SSO_MESSAGES: Record<string, string> = {
  'no-role':
    'You signed in at the single sign-on provider, but your account there has no staff role for this console. Ask an administrator to add you to a staff group.',
  refused:
    'Single sign-on did not complete (it may have taken too long, or been started in another tab). Try again.',
  unavailable: 'The single sign-on provider did not answer. Try again later, or sign in with your password.',
  off: 'Single sign-on is not set up for this console.',
};

function SignIn({ expired, onSignedIn }: { expired: boolean; onSignedIn: () => void }) {
  const [ssoOutcome] = useState(takeSsoOutcome);
  const [sso, setSso] = useState(false);
  const [ssoError, setSsoError] = useState<string | undefined>(
    ssoOutcome === undefined || ssoOutcome === 'signed-in'
      ? undefined
      : (SSO_MESSAGES[ssoOutcome] ?? SSO_MESSAGES.refused),
  );
  useEffect(() => {
    let live = true;
    void ssoEnabled().then((on) => live && setSso(on));
    if (ssoOutcome === 'signed-in')
      resumeSsoSession().then(
        () => live && onSignedIn(),
        (err: unknown) => live && setSsoError(err instanceof ApiError ? err.message : SSO_MESSAGES.refused),
      );
    return () => {
      live = false;
    };
  }, [ssoOutcome, onSignedIn]);
  const [id, setId] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [tokenError, setTokenError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    signInWithPassword(id, password, code).then(
      () => onSignedIn(),
      (err: unknown) => {
        setBusy(false);
        setCode('');
        setError(err instanceof ApiError ? err.message : 'Sign-in failed. Try again.');
      },
    );
  };
  const useToken = (e: FormEvent) => {
    e.preventDefault();
    try {
      signIn(token);
      onSignedIn();
    } catch (err) {
      setTokenError(err instanceof ApiError ? err.message : 'That credential could not be used.');
    }
  };
  return (
    <main className="sign-in">
      <ScreenTitle>Staff console: sign in</ScreenTitle>
      {expired && (
        <p className="notice" role="status">
          Signed out. If you did not sign out yourself, the session ended (idle too long, or open too long) or
          the service refused the credential (rotated, disabled or mistyped): sign in again.
        </p>
      )}
      {ssoError && (
        <p className="error-text" role="alert">
          {ssoError}
        </p>
      )}
      {sso && (
        <p className="sso">
          <a className="button" href={SSO_START}>
            Sign in with single sign-on
          </a>
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="staff-id">Staff id</label>
        <input
          id="staff-id"
          autoComplete="username"
          value={id}
          onChange={(e) => setId(e.target.value)}
          required
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <label htmlFor="code">Authenticator code</label>
        <p className="meta" id="code-help">
          The 6 digits your authenticator app shows now (enrolled with{' '}
          <code>npm run staff -- totp &lt;id&gt;</code>).
        </p>
        <input
          id="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          aria-describedby="code-help"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
        />
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <details className="automation">
        <summary>Sign in with a CLI credential (automation)</summary>
        <form onSubmit={useToken}>
          <label htmlFor="credential">Staff credential</label>
          <p className="meta" id="credential-help">
            The <code>stf_…</code> credential from{' '}
            <code>npm run staff -- create &lt;id&gt; --role support</code>, for scripted checks. It is kept
            for this tab only and forgotten when you sign out or close it.
          </p>
          <input
            id="credential"
            type="password"
            autoComplete="off"
            aria-describedby="credential-help"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
          />
          {tokenError && (
            <p className="error-text" role="alert">
              {tokenError}
            </p>
          )}
          <button type="submit">Use credential</button>
        </form>
      </details>
    </main>
  );
}

function Shell() {
  const path = usePath();
  const [reason, setReason] = useState('');
  const out = () => {
    signOut();
    navigate('/');
  };
  return (
    <ReasonContext.Provider value={{ reason, setReason }}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">Staff console</p>
        <nav aria-label="Console">
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={section(path) === n.to ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            Signed in as <strong>{staffId() ?? 'staff'}</strong>
          </span>
          <button type="button" onClick={out}>
            Sign out
          </button>
        </div>
      </header>
      <div className="reason-bar">
        <label htmlFor="reason">Reason for access</label>
        <input
          id="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          placeholder="Ticket number and a few words, no personal data"
          autoComplete="off"
          aria-describedby="reason-help"
        />
        <span id="reason-help" className="meta">
          Sent with every read and action, and recorded.
        </span>
      </div>
      <main id="main">
        <Screen path={path} />
      </main>
    </ReasonContext.Provider>
  );
}

function section(path: string): string {
  if (path.startsWith('/accounts/') || path === '/') return '/';
  const top = NAV.find((n) => n.to !== '/' && path.startsWith(n.to));
  return top?.to ?? path;
}

function Screen({ path }: { path: string }) {
  const account = /^\/accounts\/([^/]+)\/?$/.exec(path);
  if (account) return <AccountScreen key={account[1]} accountId={decodeURIComponent(account[1])} />;
  const office = /^\/offices\/([^/]+)\/?$/.exec(path);
  if (office) return <OfficeScreen key={office[1]} officeId={decodeURIComponent(office[1])} />;
  switch (path.replace(/\/$/, '') || '/') {
    case '/':
      return <SearchScreen />;
    case '/activations':
      return <ActivationsScreen />;
    case '/dead-letters':
      return <DeadLettersScreen />;
    case '/offices':
      return <OfficesScreen />;
    case '/audit/verify':
      return <VerifyScreen />;
    case '/audit/export':
      return <ExportScreen />;
    case '/audit/state':
      return <StateScreen />;
    case '/audit/compare':
      return <ComparisonScreen />;
    default:
      return (
        <>
          <ScreenTitle>Not found</ScreenTitle>
          <p>
            The console has no page here. <Link to="/">Find an account</Link>.
          </p>
        </>
      );
  }
}
