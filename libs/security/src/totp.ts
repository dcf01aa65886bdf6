/**
 * Authenticator apps (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps) over
 * otplib 13. `matchTimeStep` answers WHICH step a code belongs to, so the domain
 * can refuse a step that was already used.
 */
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const PERIOD = 30;

/** 160 random bits, base32 (what authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUri(issuer: string, accountLabel: string, secret: string): string {
  return generateURI({ issuer, label: accountLabel, secret });
}

export function qrPng(uri: string): Promise<Buffer> {
  return QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 256 });
}

/** The time step the code matched within ±`windowSteps`, or null (also for anything that is not 6 digits). */
export async function matchTimeStep(
  secret: string,
  code: string,
  now: Date,
  windowSteps = 1,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: windowSteps * PERIOD });
  return result.valid ? Math.floor(epoch / PERIOD) + result.delta : null;
}
