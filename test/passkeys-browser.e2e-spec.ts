/**
 * A passkey added and used by a real browser: Debian's Chromium, headless, with its virtual
 * authenticator (DevTools protocol, WebAuthn domain) standing in for a phone's platform
 * authenticator. The page is served on the API's own origin (http://localhost, which WebAuthn
 * accepts as a secure context), and calls the API as a portal frontend would.
 */
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { Outbox } from './support/outbox';

/** Debian's package by default; CHROMIUM_PATH names another Chromium or Chrome. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The browser's WebAuthn API as the page uses it (the project compiles without the DOM library).
interface PageCredential {
  toJSON(): unknown;
}
declare const navigator: {
  credentials: {
    create(options: { publicKey: unknown }): Promise<PageCredential>;
    get(options: { publicKey: unknown }): Promise<PageCredential>;
  };
};
declare const PublicKeyCredential: {
  parseCreationOptionsFromJSON(options: unknown): unknown;
  parseRequestOptionsFromJSON(options: unknown): unknown;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('portal: passkeys in Chromium with its virtual authenticator', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    const port = await freePort();
    origin = `http://localhost:${port}`;
    t = await startApp({ PORTAL_URL: origin, WEBAUTHN_RP_ID: 'localhost', WEBAUTHN_ORIGINS: origin });
    await t.app.listen(port, '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('enrols a passkey and signs in with it in place of the emailed code', async () => {
    const username = 'browserpk1';
    const email = `${username}@example.com`;
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username, email })
      .expect(201);
    const step1 = await t.http().post('/v1/login').send({ username, password: PASSWORD }).expect(200);
    const code = await new Outbox(t.dataDir).code(email);
    const signedIn = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code })
      .expect(200);

    const page = await browser.newPage();
    await page.route(`${origin}/passkey-page`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>portal</title><p>portal</p>' }),
    );
    await page.goto(`${origin}/passkey-page`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    const added = await page.evaluate(async (session) => {
      const auth = { authorization: `Bearer ${session}` };
      const options = await (
        await fetch('/v1/me/passkeys/options', { method: 'POST', headers: auth })
      ).json();
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      });
      const answer = await fetch('/v1/me/passkeys', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ response: credential.toJSON(), name: 'Chromium' }),
      });
      return { status: answer.status, body: await answer.json() };
    }, signedIn.body.sessionToken as string);
    expect(added).toMatchObject({ status: 201, body: { name: 'Chromium' } });

    const second = await page.evaluate(
      async ({ username, password }) => {
        const post = (path: string, body: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        const login = (await (await post('/v1/login', { username, password })).json()) as {
          loginToken: string;
          secondFactor: string;
        };
        const options = await (
          await post('/v1/login/passkey/options', { loginToken: login.loginToken })
        ).json();
        const credential = await navigator.credentials.get({
          publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        });
        const verified = await post('/v1/login/verify-passkey', {
          loginToken: login.loginToken,
          response: credential.toJSON(),
        });
        return { secondFactor: login.secondFactor, status: verified.status, body: await verified.json() };
      },
      { username, password: PASSWORD },
    );
    expect(second).toMatchObject({
      secondFactor: 'passkey',
      status: 200,
      body: { sessionToken: expect.any(String) },
    });
  });
});
