/**
 * The staff console in a real browser (Debian's chromium through playwright-core), against the
 * service as `npm start` runs it: seed 000's support questions end to end. A member registers
 * through the API; a support agent then finds them ("am I registered?"), sends the username
 * again ("what is my username?"), issues a temporary password it never sees, and unlocks the
 * account after a lockout; the same agent is refused an auditor screen. Every screen visited
 * is checked with axe-core (no serious or critical violation), under the console's CSP (no
 * violation reported, no request leaves the origin), at 1280 and 768 pixels wide.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generate } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildConsole } from './support/console-build';
import { eventually, Outbox } from './support/outbox';
import {
  baseEnv,
  type Build,
  buildService,
  ROOT,
  type ServiceProcess,
  spawnService,
  waitUntilReady,
} from './support/service-process';

/** Debian's package (`.ci/run` installs it when missing); CHROMIUM_PATH for another build of Chromium. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const member = {
  memberId: 'DEMO0000001',
  firstName: 'Pat',
  lastName: 'Example',
  dateOfBirth: '1980-04-01',
  email: 'pat@example.com',
  phone: '+15555550100',
  username: 'patexample',
  password: 'Correct7Horse9Battery',
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
};

jest.setTimeout(120_000);

/** Where `npm run console:screenshots` saves each screen checked (unset: no screenshots). */
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS ? join(ROOT, 'docs', 'console') : undefined;

/** Console sessions end after this many idle seconds in these tests (the default is 900). */
const IDLE_SECONDS = 5;

describe('the staff console', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let browser: Browser;
  let support: string;
  const violations: string[] = [];
  const foreign: string[] = [];
  let cli: (args: string[], input?: string) => string;

  /** A staff member enrolled for console sign-in from the CLI: password on stdin, TOTP secret from the URI. */
  function enrol(id: string, role: string): { id: string; password: string; secret: string } {
    cli(['create', id, '--role', role]);
    const password = `${id} has a long passphrase`;
    cli(['set-password', id], `${password}\n`);
    const uri = new URL(cli(['totp', id]));
    expect(uri.protocol).toBe('otpauth:');
    return { id, password, secret: uri.searchParams.get('secret')! };
  }

  /** Signs in with the form: staff id, password and the authenticator's code now. */
  async function signInWithTotp(page: Page, who: { id: string; password: string; secret: string }) {
    await page.getByLabel('Staff id').fill(who.id);
    await page.getByLabel('Password').fill(who.password);
    const code = await generate({ secret: who.secret, epoch: Math.floor(Date.now() / 1000) });
    await page.getByLabel('Authenticator code').fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Reason for access').fill('ticket 4712: quarterly audit');
  }

  const staffToken = (build: Build, id: string, role: string) =>
    execFileSync(
      process.execPath,
      [join(build.dir, 'apps/api/src/cli/staff-cli.js'), 'create', id, '--role', role],
      {
        env: { ...baseEnv(), DATA_DIR: dataDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ).trim();

  beforeAll(async () => {
    const build = await buildService();
    buildConsole(build);
    dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
    // Every role in one process, as `npm start`: the worker delivers the emails to the outbox.
    service = await spawnService({
      script: build.main,
      env: { DATA_DIR: dataDir, STAFF_SESSION_IDLE_SECONDS: String(IDLE_SECONDS) },
    });
    await waitUntilReady(service);
    support = staffToken(build, 'sam.support', 'support');
    cli = (args: string[], input?: string) =>
      execFileSync(process.execPath, [join(build.dir, 'apps/api/src/cli/staff-cli.js'), ...args], {
        env: { ...baseEnv(), DATA_DIR: dataDir },
        encoding: 'utf8',
        input: input ?? '',
        stdio: ['pipe', 'pipe', 'pipe'],
      }).trim();
    const registered = await fetch(`${service.base}/v1/registrations/member`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(member),
    });
    expect(registered.status).toBe(201);
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Chromium's sandbox cannot start as root (CI containers).
      chromiumSandbox: process.getuid?.() !== 0,
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh tab at `width`, watching for CSP violations, script errors and requests to any other origin. */
  async function open(width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`script error: ${e.message}`));
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== service.base) foreign.push(r.url());
    });
    await page.goto(`${service.base}/console/`);
    return page;
  }

  /** The CLI credential, pasted under "Sign in with a CLI credential (automation)". */
  async function signIn(page: Page, token: string): Promise<void> {
    await page.getByText('Sign in with a CLI credential (automation)').click();
    await page.getByLabel('Staff credential').fill(token);
    await page.getByRole('button', { name: 'Use credential' }).click();
    await page.getByLabel('Reason for access').fill('ticket 4711: member called');
  }

  /** axe-core on the page as it is: no serious or critical violation, and it fits the width. */
  async function accessible(page: Page, screen: string): Promise<void> {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(AXE);
    // Strings, not functions: the test is compiled without the DOM's types.
    const found = await page.evaluate<{ id: string; impact: string; nodes: { target: string[] }[] }[]>(
      'axe.run().then((r) => r.violations)',
    );
    const bad = found
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${screen}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect({ screen, overflow: overflow > 0 }).toEqual({ screen, overflow: false });
    // `npm run console:screenshots`: each screen checked is also saved in docs/console/.
    if (SCREENSHOTS)
      await page.screenshot({
        path: join(
          SCREENSHOTS,
          `${screen
            .replace(/[^a-z0-9]+/gi, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase()}.png`,
        ),
        fullPage: true,
      });
  }

  it('is served at /console with a strict CSP, and client routes load the same page', async () => {
    for (const path of ['/console', '/console/', '/console/accounts/00000000-0000-4000-8000-000000000000']) {
      const res = await fetch(`${service.base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
          "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
      const html = await res.text();
      // No inline script or style: everything the page runs is a file of its own origin.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|style="/);
    }
    const missing = await fetch(`${service.base}/console/assets/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('answers seed 000’s support questions: found, username sent, temporary password, unlocked', async () => {
    const mail = new Outbox(dataDir);
    const page = await open(1280);
    await accessible(page, 'sign-in');
    await signIn(page, support);

    // "Am I registered?": someone who is not, then the member, by last name and date of birth.
    await page.getByLabel('Last name', { exact: true }).fill('Nobody');
    await page.getByLabel('Date of birth', { exact: true }).fill('1970-01-01');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No account matches').waitFor();
    await accessible(page, 'search, nothing found');

    // By member id this time, by keyboard: the radio, the field, Enter.
    await page.getByRole('radio', { name: 'Member id' }).check();
    await page.getByRole('textbox', { name: 'Member id' }).fill(member.memberId);
    await page.getByRole('textbox', { name: 'Member id' }).press('Enter');
    const link = page.getByRole('link', { name: 'Pat Example' });
    await link.waitFor();
    await expect(page.getByRole('cell', { name: 'Registered, active' }).count()).resolves.toBe(1);
    await accessible(page, 'search results');
    await link.focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Pat Example' }).waitFor();
    await expect(
      page.getByText('Registered', { exact: true }).locator('xpath=following-sibling::dd[1]').innerText(),
    ).resolves.toMatch(/^Yes, on /);
    await expect(page.getByText(member.username, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await accessible(page, 'account');

    // "What is my username?"
    const reminder = page.getByRole('form', { name: 'Send the username again' });
    await reminder.getByLabel('Reason (recorded)').fill('ticket 4711: forgot username');
    await reminder.getByRole('button', { name: 'Send username reminder' }).click();
    await reminder.getByText('Username reminder sent').waitFor();
    expect((await mail.next(member.email, new RegExp(member.username))).text).toContain(member.username);

    // A temporary password: emailed, never shown.
    const temporary = page.getByRole('form', { name: 'Temporary password' });
    await temporary.getByRole('button', { name: 'Email a temporary password' }).click();
    await temporary.getByText('Temporary password emailed').waitFor();
    const email = await mail.next(member.email, /temporary password for your account/);
    const password = /for your account:\s*([A-Za-z0-9]{16})/.exec(email.text)![1];
    expect(await page.content()).not.toContain(password);

    // Locked out (five wrong passwords), then unlocked by support.
    for (let i = 0; i < 5; i++)
      await fetch(`${service.base}/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: member.username, password: 'Wrong7Password9x' }),
      });
    const locked = page.getByText('Locked', { exact: true }).locator('xpath=following-sibling::dd[1]');
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.getByRole('button', { name: 'Refresh' }).waitFor();
        return /^Yes, until/.test(await locked.innerText()) ? true : undefined;
      },
      20_000,
      'the account page to show the lock',
    );
    const unlock = page.getByRole('form', { name: 'Unlock' });
    await unlock.getByRole('button', { name: 'Unlock the account' }).click();
    await page.getByText('Unlocked. The member can sign in again now.').waitFor();
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return /^No/.test(await locked.innerText()) ? true : undefined;
      },
      20_000,
      'the account page to show the account unlocked',
    );

    // The timeline keeps staff reads and actions apart from the member's own events.
    const staffLane = page.getByRole('region', { name: 'Staff reads and actions' });
    const ownLane = page.getByRole('region', { name: 'The member’s own events' });
    await eventually(
      async () => ((await staffLane.getByText(/sam\.support/).count()) > 0 ? true : undefined),
      20_000,
      'staff entries in the timeline',
    );
    await expect(ownLane.getByText(/sam\.support/).count()).resolves.toBe(0);
    await expect(ownLane.getByText('By the member', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'Staff reads and actions' }).check();
    await expect(ownLane.count()).resolves.toBe(0);
    await accessible(page, 'account after the actions');

    // The same page on a 768-pixel tablet.
    await page.setViewportSize({ width: 768, height: 1024 });
    await accessible(page, 'account at 768 px');

    // Activation letters and dead letters: their empty states, by the navigation links.
    await page.getByRole('link', { name: 'Activation letters' }).click();
    await page.getByText(/No letter is waiting to be mailed|activation codes/).waitFor();
    await accessible(page, 'activation letters');
    await page.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByText(/No dead emails|dead emails/).waitFor();
    await accessible(page, 'dead letters');

    // Sign-out forgets the credential.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Staff id').waitFor();
    await expect(page.evaluate<number>('window.sessionStorage.length')).resolves.toBe(0);
    await page.close();
    expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
  });

  it('answers "did my letter go out?": the letter in flight, and the account not registered yet', async () => {
    const alex = { memberId: 'DEMO0000003', firstName: 'Alex', lastName: 'Demo', dateOfBirth: '1992-06-15' };
    const requested = await fetch(`${service.base}/v1/activation-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alex),
    });
    expect(requested.status).toBe(202);

    const page = await open(1280);
    await signIn(page, support);
    await page.getByRole('link', { name: 'Activation letters' }).click();
    await page.getByRole('radio', { name: 'Mailed' }).check();
    // The worker mails the letter, then the read model shows it: read again until it is there.
    const row = page.getByRole('link', { name: /^Account / });
    await eventually(
      async () => {
        if (await row.count()) return true;
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.getByRole('button', { name: 'Refresh' }).waitFor();
        return undefined;
      },
      20_000,
      'the mailed letter in the list',
    );
    await accessible(page, 'activation letters, mailed');
    await row.first().click();
    // Only the member id is known until the member registers.
    await page.getByRole('heading', { name: 'Member DEMO0000003' }).waitFor();
    const fact = (name: string) =>
      page.getByText(name, { exact: true }).locator('xpath=following-sibling::dd[1]').innerText();
    await expect(fact('Registered')).resolves.toBe('No');
    await expect(fact('Status')).resolves.toBe('Not registered yet (activation code issued)');
    await expect(fact('Activation letter')).resolves.toMatch(/^Mailed on .+, expected by .+/);
    await accessible(page, 'account, not registered');
    await page.close();
    expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
  });

  it('approves a provider office that registered online (seed 004)', async () => {
    const registered = await fetch(`${service.base}/v1/registrations/provider-office`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        firstName: 'Ida',
        lastName: 'Adminz',
        dateOfBirth: '1975-03-14',
        email: 'admin.z@office-z.example',
        phone: '+15555550150',
        username: 'idadminz',
        password: 'OfficeZ7Admin9Pass',
        securityQuestion: 'Name of your first pet?',
        securityAnswer: 'Rex the Dog',
        communication: { email: true, text: false },
        termsAccepted: true,
        officeName: 'Lakeside Family Medicine',
        npi: '1234567893',
        taxId: '12-3456789',
      }),
    });
    expect(registered.status).toBe(201);
    const { officeId } = (await registered.json()) as { officeId: string };

    const page = await open(768);
    await signIn(page, support);
    await page.getByRole('link', { name: 'Provider offices' }).click();
    await page.getByLabel('Office id').fill('not-an-id');
    await page.getByLabel('Office id').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'An office id looks like' }).waitFor();
    await accessible(page, 'offices, a wrong id');
    await page.getByLabel('Office id').fill(officeId);
    await page.getByLabel('Office id').press('Enter');
    await page.getByRole('heading', { name: 'Lakeside Family Medicine' }).waitFor();
    await page.getByText('Pending approval').waitFor();
    await accessible(page, 'office, pending');

    const approve = page.getByRole('form', { name: 'Approve the office' });
    await approve.getByLabel('Reason (recorded)').fill('ticket 5150: NPI checked');
    await approve.getByRole('button', { name: 'Approve the office' }).click();
    await approve.getByText('Approved: the office is active.').waitFor();
    // The office read again (the read model follows the event a moment later).
    await eventually(
      async () => {
        if (await page.getByText('Active', { exact: true }).count()) return true;
        await page.getByRole('button', { name: 'Refresh' }).click();
        return undefined;
      },
      20_000,
      'the office to show active',
    );
    // The administrator's account page names the office.
    await page
      .getByRole('link', { name: /^Account / })
      .first()
      .click();
    await page.getByRole('link', { name: 'Lakeside Family Medicine' }).waitFor();
    await page.close();
    expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
  });

  it('shows a support agent the refused state on an auditor-only screen', async () => {
    const page = await open(1280);
    await signIn(page, support);
    await page.getByRole('link', { name: 'Verify chains' }).click();
    await page.getByRole('button', { name: 'Verify every chain' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not allowed' });
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('403 STAFF_FORBIDDEN');
    await accessible(page, 'verify chains, refused');
    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not allowed' }).waitFor();
    await accessible(page, 'export, refused');
    await page.close();
    expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
  });

  it('sends a refused credential back to sign-in', async () => {
    const page = await open(768);
    await signIn(page, `stf_sam.support_${'A'.repeat(43)}`);
    await page.getByRole('radio', { name: 'Member id' }).check();
    await page.getByRole('textbox', { name: 'Member id' }).fill(member.memberId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('the service refused the credential').waitFor();
    await expect(page.evaluate<number>('window.sessionStorage.length')).resolves.toBe(0);
    await accessible(page, 'sign-in after a refused credential');
    await page.close();
  });
  it('signs a person in with password and authenticator code, and ends the session when idle', async () => {
    const tom = enrol('tom.totp', 'support');
    const page = await open(1280);
    await accessible(page, 'sign-in (form)');

    // A wrong code: the one refusal, whichever part was wrong; still on the form.
    await page.getByLabel('Staff id').fill(tom.id);
    await page.getByLabel('Password').fill(tom.password);
    await page.getByLabel('Authenticator code').fill('000000');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();
    await accessible(page, 'sign-in refused');

    await signInWithTotp(page, tom);
    await page.getByText('Signed in as').filter({ hasText: 'tom.totp' }).waitFor();
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'staff_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1' });
    // Nothing secret in the tab's storage: the cookie is the session.
    await expect(page.evaluate<string>('JSON.stringify(window.sessionStorage)')).resolves.not.toContain(
      tom.password,
    );
    await page.getByRole('radio', { name: 'Member id' }).check();
    await page.getByRole('textbox', { name: 'Member id' }).fill(member.memberId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page
      .getByRole('link', { name: /Example/ })
      .first()
      .waitFor();

    // The cookie alone does not do an unsafe call: without X-Requested-With it is refused.
    const forged = await page.evaluate<number>(
      `fetch('/v1/staff/session', { method: 'DELETE', credentials: 'same-origin' }).then((r) => r.status)`,
    );
    expect(forged).toBe(401);

    // Idle past the limit: the next call is refused and the console is back at sign-in.
    await new Promise((r) => setTimeout(r, (IDLE_SECONDS + 1) * 1000));
    await page.getByRole('link', { name: 'Activation letters' }).click();
    await page.getByText('the session ended').waitFor();
    await page.getByLabel('Staff id').waitFor();
    await accessible(page, 'sign-in after the session ended');

    // Sign-out ends the session on the service: the old cookie no longer opens anything.
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 100)); // a fresh code
    await signInWithTotp(page, tom);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Staff id').waitFor();
    const after = await page.evaluate<number>(
      `fetch('/v1/support/activations?state=mailed', { headers: { 'X-Access-Reason': 'ticket 1', 'X-Requested-With': 'x' } }).then((r) => r.status)`,
    );
    expect(after).toBe(401);
    await page.close();
    expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
  });

  it('lets an auditor find a tampered event: the broken link is named', async () => {
    const ada = enrol('ada.auditor', 'auditor');
    const db = new Database(join(dataDir, 'events.sqlite'));
    const target = db
      .prepare(
        "SELECT stream_id AS streamId FROM events WHERE stream_id LIKE 'account-%' ORDER BY rowid LIMIT 1",
      )
      .get() as { streamId: string };
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE rowid = (SELECT min(rowid) FROM events WHERE stream_id = ?)",
    ).run(target.streamId);
    db.close();

    const page = await open(1280);
    await signInWithTotp(page, ada);
    await page.getByRole('link', { name: 'Verify chains' }).click();
    await page.getByRole('button', { name: 'Verify every chain' }).click();
    const broken = page.getByRole('alert').filter({ hasText: 'Broken links' });
    await broken.waitFor();
    await expect(broken.innerText()).resolves.toContain(target.streamId);
    await accessible(page, 'verify chains, a broken link');

    // The stream's events as NDJSON, offered as a download.
    await page.getByRole('link', { name: 'Export' }).click();
    await page.getByLabel('Stream (empty: every event)').fill(target.streamId);
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Download ${target.streamId}.ndjson` }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ streamId: target.streamId, revision: '0' });
    await accessible(page, 'export');

    // The account as of now, and the difference between two instants (none: both after the last event).
    await page.getByRole('link', { name: 'State as of' }).click();
    await page.getByLabel('Account id').fill(target.streamId.slice('account-'.length));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { name: /^As of / }).waitFor();
    await accessible(page, 'state as of');
    await page
      .getByLabel('Compare with (optional, a later instant)')
      .fill(
        new Date(Date.now() + 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
      );
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Nothing changed between the two instants.').waitFor();
    await accessible(page, 'state difference');

    // The replay compared with the live read models: requested, polled until done.
    await page.getByRole('link', { name: 'Replay check' }).click();
    await page.getByRole('button', { name: 'Request a comparison' }).click();
    await page.getByRole('heading', { name: /^Comparison (done|failed)$/ }).waitFor({ timeout: 60_000 });
    await accessible(page, 'replay comparison');
    await page.close();
    expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
  });

  describe('deactivation, offices pending approval, verification with progress', () => {
    const fact = (page: Page, name: string) =>
      page
        .locator('dt')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .locator('xpath=following-sibling::dd[1]')
        .innerText();

    it('deactivates an account with who asked and a reason, after a confirmation, and shows why', async () => {
      const dana = {
        firstName: 'Dana',
        lastName: 'Closing',
        dateOfBirth: '1979-09-09',
        email: 'dana.closing@example.com',
        phone: '+15555550177',
        username: 'danaclosing',
        password: 'Closing7Account9Now',
        securityQuestion: 'Name of your first pet?',
        securityAnswer: 'Rex the Dog',
        communication: { email: true, text: false },
        termsAccepted: true,
      };
      const registered = await fetch(`${service.base}/v1/registrations/nonmember`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(dana),
      });
      expect(registered.status).toBe(201);
      const mail = new Outbox(dataDir);

      const page = await open(1280);
      await signIn(page, support);
      await page.getByRole('radio', { name: 'Username' }).check();
      await page.getByRole('textbox', { name: 'Username' }).fill(dana.username);
      const link = page.getByRole('link', { name: 'Dana Closing' });
      await eventually(
        async () => {
          await page.getByRole('button', { name: 'Search' }).click();
          await page.getByRole('button', { name: 'Search' }).waitFor();
          return (await link.count()) > 0 ? true : undefined;
        },
        20_000,
        'the new account in the search',
      );
      await link.click();
      await page.getByRole('heading', { name: 'Dana Closing' }).waitFor();

      const form = page.getByRole('form', { name: 'Deactivate' });
      // Nothing is sent without who asked: the browser names the missing choice.
      await form.getByLabel('Reason (recorded)').fill('ticket 7301: member closing the account');
      await form.getByRole('button', { name: 'Deactivate the account…' }).click();
      await expect(form.getByRole('button', { name: 'Yes, deactivate' }).count()).resolves.toBe(0);
      await form.getByRole('radio', { name: 'The member asked' }).check();

      // The confirmation takes the focus; Escape goes back to the form, and the focus with it.
      await form.getByRole('button', { name: 'Deactivate the account…' }).click();
      const confirm = form.getByRole('button', { name: 'Yes, deactivate' });
      await confirm.waitFor();
      const focused = () => page.evaluate<string>('document.activeElement?.textContent ?? ""');
      await expect(focused()).resolves.toBe('Yes, deactivate');
      await accessible(page, 'account, deactivation to confirm');
      await page.keyboard.press('Escape');
      await expect(confirm.count()).resolves.toBe(0);
      const start = form.getByRole('button', { name: 'Deactivate the account…' });
      await expect(start.isVisible()).resolves.toBe(true);
      await expect(focused()).resolves.toBe('Deactivate the account…');

      // By keyboard: Enter opens the confirmation, Enter confirms.
      await page.keyboard.press('Enter');
      await confirm.waitFor();
      await page.keyboard.press('Enter');
      await form.getByText('Deactivated. Every session of the account ended').waitFor();
      await eventually(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).first().click();
          return (await fact(page, 'Status')) === 'Deactivated' ? true : undefined;
        },
        20_000,
        'the account page to show the account deactivated',
      );
      await expect(fact(page, 'Deactivated')).resolves.toMatch(/^On .+: the member asked for it$/);
      await expect(form.getByRole('button', { name: 'Deactivate the account…' }).isDisabled()).resolves.toBe(
        true,
      );
      await form.getByText('Not active: nothing to deactivate.').waitFor();
      await mail.next(dana.email, /deactivated/i);
      await accessible(page, 'account, deactivated');
      await page.setViewportSize({ width: 768, height: 1024 });
      await accessible(page, 'account, deactivated at 768 px');

      // The signed-in member cannot sign in any more.
      const login = await fetch(`${service.base}/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: dana.username, password: dana.password }),
      });
      expect(login.status).not.toBe(200);
      await page.close();
      expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
    });

    it('lists the offices pending approval and approves one from the list, which leaves it', async () => {
      const name = 'Riverbend Pediatrics';
      const registered = await fetch(`${service.base}/v1/registrations/provider-office`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          firstName: 'Rita',
          lastName: 'Riverbend',
          dateOfBirth: '1971-02-03',
          email: 'rita@riverbend.example',
          phone: '+15555550160',
          username: 'ritariverbend',
          password: 'Riverbend7Admin9Pass',
          securityQuestion: 'Name of your first pet?',
          securityAnswer: 'Rex the Dog',
          communication: { email: true, text: false },
          termsAccepted: true,
          officeName: name,
          npi: '1245319599',
          taxId: '98-7654321',
        }),
      });
      expect(registered.status).toBe(201);
      const { officeId } = (await registered.json()) as { officeId: string };

      const page = await open(1280);
      await signIn(page, support);
      await page.getByRole('link', { name: 'Provider offices' }).click();
      const pending = page.getByRole('region', { name: 'Pending approval' });
      const row = pending.getByRole('row').filter({ hasText: name });
      await eventually(
        async () => {
          if (await row.count()) return true;
          await pending.getByRole('button', { name: 'Refresh' }).click();
          await pending.getByRole('button', { name: 'Refresh' }).waitFor();
          return undefined;
        },
        20_000,
        'the new office in the pending list',
      );
      await expect(row.getByRole('link', { name }).getAttribute('href')).resolves.toBe(
        `/console/offices/${officeId}`,
      );
      await expect(row.innerText()).resolves.toContain('1245319599');
      await accessible(page, 'offices pending approval');
      await page.setViewportSize({ width: 768, height: 1024 });
      await accessible(page, 'offices pending approval at 768 px');
      await page.setViewportSize({ width: 1280, height: 900 });

      // By keyboard: the reason, then Tab to the office's own Approve button.
      await pending
        .getByLabel('Reason for approving (recorded)')
        .fill('ticket 5151: NPI and administrator checked');
      const approve = row.getByRole('button', { name: `Approve ${name}` });
      await approve.focus();
      await page.keyboard.press('Enter');
      await pending.getByText(`Approved ${name}: the office is active.`).waitFor();
      await expect(row.count()).resolves.toBe(0);
      // Read again from the service: still gone (the read model has the approval).
      await eventually(
        async () => {
          await pending.getByRole('button', { name: 'Refresh' }).click();
          await pending.getByRole('button', { name: 'Refresh' }).waitFor();
          const res = await page.evaluate<string>(
            `fetch('/v1/support/offices?status=active', { headers: { Authorization: 'Bearer ${support}', 'X-Access-Reason': 'ticket 5151' } }).then((r) => r.text())`,
          );
          return res.includes(officeId) ? true : undefined;
        },
        20_000,
        'the office to be active in the read model',
      );
      await expect(row.count()).resolves.toBe(0);
      await accessible(page, 'offices after an approval');
      // The office approved in the walk-through above is active too: nothing is left pending.
      await pending.getByText('No office is waiting for approval.').waitFor();
      await page.close();
      expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
    });

    it('verifies the chains with a progress bar, naming a tampered event as the first broken link', async () => {
      const vic = enrol('vic.verifier', 'auditor');
      // The tamper walk-through's change: the store's first account event altered in the file.
      const db = new Database(join(dataDir, 'events.sqlite'));
      const first = db
        .prepare(
          "SELECT stream_id AS streamId, event_id AS eventId FROM events WHERE stream_id LIKE 'account-%' ORDER BY rowid LIMIT 1",
        )
        .get() as { streamId: string; eventId: string };
      db.prepare("UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE event_id = ?").run(
        first.eventId,
      );
      db.close();

      const page = await open(1280);
      await signInWithTotp(page, vic);
      // An auditor has no office screen: the refused state.
      await page.getByRole('link', { name: 'Provider offices' }).click();
      await page.getByRole('alert').filter({ hasText: 'Not allowed' }).waitFor();
      await accessible(page, 'offices, refused');

      await page.getByRole('link', { name: 'Verify chains' }).click();
      // Every state the progress bar goes through, as a screen reader would be given it.
      await page.evaluate(`window.seen = [];
        new MutationObserver(() => {
          const v = document.querySelector('[role=progressbar], progress')?.getAttribute('aria-valuetext');
          if (v && window.seen.at(-1) !== v) window.seen.push(v);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });`);
      await page.getByRole('button', { name: 'Verify every chain' }).click();
      const broken = page.getByRole('alert').filter({ hasText: 'Broken links' });
      await broken.waitFor();
      const text = await broken.innerText();
      expect(text).toContain(`First broken link: ${first.streamId}, at revision 0: the event was altered`);
      expect(text).toContain(first.eventId);

      const bar = page.getByRole('progressbar', { name: 'Progress' });
      const valuetext = await bar.getAttribute('aria-valuetext');
      expect(valuetext).toMatch(/^Verified [\d,]+ events in [\d,]+ streams, [1-9]\d* broken\.$/);
      await page.getByRole('status').filter({ hasText: valuetext! }).waitFor();
      await accessible(page, 'verify chains, progress and a broken link');
      await page.setViewportSize({ width: 768, height: 1024 });
      await accessible(page, 'verify chains at 768 px');

      // The bar was shown running before the result (that lines arrive as the pass goes is tested over HTTP,
      // in console-routes.e2e-spec.ts).
      const seen = await page.evaluate<string[]>('window.seen');
      expect(seen[0]).toMatch(/^Verifying: [\d,]+ events? in [\d,]+ streams?, .* so far\.$/);
      expect(seen.at(-1)).toBe(valuetext);
      await page.close();
      expect({ violations, foreign }).toEqual({ violations: [], foreign: [] });
    });
  });
});
