/**
 * The console's single sign-on in a real browser (Debian's chromium through playwright-core):
 * the sign-in screen offers "Sign in with single sign-on" only when the service has a provider;
 * the button goes through the local provider's login and back, and the console opens signed in
 * with the role the provider's claim maps to; a user with no mapped role is brought back to the
 * sign-in screen and told why. Checked with axe-core, like the console's other screens.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildConsole } from './support/console-build';
import { type LocalProvider, startLocalProvider } from './support/oidc-provider';
import {
  buildService,
  freePort,
  type ServiceProcess,
  spawnService,
  waitUntilReady,
} from './support/service-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

jest.setTimeout(120_000);

describe('the staff console with single sign-on', () => {
  let idp: LocalProvider;
  let service: ServiceProcess;
  let plain: ServiceProcess;
  let dataDir: string;
  let plainDir: string;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    const build = await buildService();
    buildConsole(build);
    const port = await freePort();
    idp = await startLocalProvider(
      { sam: { roles: ['portal-support'] }, nora: { roles: ['cafeteria'] } },
      { redirectUri: `http://127.0.0.1:${port}/v1/staff/sso/callback` },
    );
    dataDir = mkdtempSync(join(tmpdir(), 'console-sso-e2e-'));
    plainDir = mkdtempSync(join(tmpdir(), 'console-sso-e2e-'));
    service = await spawnService({
      script: build.main,
      env: {
        DATA_DIR: dataDir,
        ROLES: 'api',
        PORT: String(port),
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_REDIRECT_URI: idp.redirectUri,
        OIDC_ROLE_MAP: 'portal-support:support',
      },
    });
    plain = await spawnService({ script: build.main, env: { DATA_DIR: plainDir, ROLES: 'api' } });
    await waitUntilReady(service);
    await waitUntilReady(plain);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      chromiumSandbox: process.getuid?.() !== 0,
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await plain?.stop();
    await idp?.close();
    for (const dir of [dataDir, plainDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(base: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`script error: ${e.message}`));
    await page.goto(`${base}/console/`);
    return page;
  }

  async function accessible(page: Page, screen: string): Promise<void> {
    await page.evaluate(AXE);
    const found = await page.evaluate<{ id: string; impact: string }[]>(
      'axe.run().then((r) => r.violations)',
    );
    expect(
      found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id}`),
    ).toEqual([]);
  }

  /** The provider's development login form: any login, any password, then its consent. */
  async function loginAtProvider(page: Page, account: string): Promise<void> {
    await page.getByPlaceholder('Enter any login').fill(account);
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('offers single sign-on only where it is set up', async () => {
    const page = await open(plain.base);
    await page.getByLabel('Staff id').waitFor();
    // The answer of GET /v1/staff/sso has come back before the screen is judged.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: 'Sign in with single sign-on' }).count()).toBe(0);
    await page.close();
  });

  it('signs a support user in through the provider, and the console opens with the support screens', async () => {
    const page = await open(service.base);
    const button = page.getByRole('link', { name: 'Sign in with single sign-on' });
    await button.waitFor();
    await accessible(page, 'sign-in with single sign-on');
    await button.click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await loginAtProvider(page, 'sam');
    await page.getByLabel('Reason for access').waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page
      .getByText(/sso-[0-9a-f]{24}/)
      .first()
      .waitFor();
    await accessible(page, 'signed in by single sign-on');

    // Back from single sign-on, the tab shows who the new cookie names, not whoever it remembered.
    await page.evaluate(
      `sessionStorage.setItem('portal.console.staff-session', JSON.stringify({ staffId: 'someone.else', roles: ['admin'] }))`,
    );
    await page.goto(`${service.base}/console/?sso=signed-in`);
    await page
      .getByText(/sso-[0-9a-f]{24}/)
      .first()
      .waitFor();
    expect(await page.getByText('someone.else').count()).toBe(0);
    await page.close();
  });

  it('brings a user with no staff role back to the sign-in screen, saying why', async () => {
    const page = await open(service.base);
    await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await loginAtProvider(page, 'nora');
    await page.getByRole('alert').filter({ hasText: 'no staff role' }).waitFor();
    await page.getByLabel('Staff id').waitFor();
    await accessible(page, 'single sign-on refused: no role');
    expect(violations).toEqual([]);
    await page.close();
  });
});
