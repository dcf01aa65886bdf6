import { generate } from 'otplib';
import { matchTimeStep, newTotpSecret, otpauthUri, qrPng } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-11-22T10:00:15Z');
  const step = Math.floor(now.getTime() / 30_000);
  const codeAt = (offsetSeconds: number) =>
    generate({ secret, epoch: Math.floor(now.getTime() / 1000) + offsetSeconds });

  it('tells which step a code belongs to, within one step either side', async () => {
    expect(await matchTimeStep(secret, await codeAt(0), now)).toBe(step);
    expect(await matchTimeStep(secret, await codeAt(-30), now)).toBe(step - 1);
    expect(await matchTimeStep(secret, await codeAt(30), now)).toBe(step + 1);
  });

  it("refuses codes two steps away, another secret's codes, and anything not 6 digits", async () => {
    expect(await matchTimeStep(secret, await codeAt(60), now)).toBeNull();
    expect(await matchTimeStep(secret, await codeAt(-60), now)).toBeNull();
    const other = newTotpSecret();
    const foreign = await generate({ secret: other, epoch: Math.floor(now.getTime() / 1000) });
    if (foreign !== (await codeAt(0)) && foreign !== (await codeAt(-30)) && foreign !== (await codeAt(30)))
      expect(await matchTimeStep(secret, foreign, now)).toBeNull();
    expect(await matchTimeStep(secret, '12345', now)).toBeNull();
    expect(await matchTimeStep(secret, 'abcdef', now)).toBeNull();
  });

  it('makes a secret an app can scan: otpauth URI and a PNG QR code', async () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = otpauthUri('Example Health Plan', 'patexample', secret);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    const png = await qrPng(uri);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
