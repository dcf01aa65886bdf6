/**
 * A software WebAuthn authenticator for the tests: one ES256 (P-256) credential per `create`,
 * `none` attestation, CBOR written by hand (the few shapes WebAuthn needs). It answers options
 * as a browser and a platform authenticator together would, and can be told to lie: another
 * origin or RP id, no user verification, a counter of its choosing.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

type Cbor = number | Buffer | string | Map<Cbor, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.of((major << 5) | n);
  if (n < 256) return Buffer.of((major << 5) | 24, n);
  if (n < 65536) return Buffer.of((major << 5) | 25, n >> 8, n & 255);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

export function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (Buffer.isBuffer(v)) return Buffer.concat([head(2, v.length), v]);
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    return Buffer.concat([head(3, s.length), s]);
  }
  return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, x]) => [cbor(k), cbor(x)])]);
}

const b64u = (b: Buffer) => b.toString('base64url');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();

const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;

export interface Ceremony {
  origin?: string;
  rpId?: string;
  userVerified?: boolean;
  /** The challenge to sign instead of the options' (a replay, or one made elsewhere). */
  challenge?: string;
}

export class SoftCredential {
  readonly id = randomBytes(16);
  private readonly key: KeyObject;
  readonly publicJwk: { x: string; y: string };
  counter: number;

  constructor(
    readonly rpId: string,
    readonly userHandle: string,
    counter = 0,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.key = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicJwk = { x: jwk.x!, y: jwk.y! };
    this.counter = counter;
  }

  get credentialId(): string {
    return b64u(this.id);
  }

  private cose(): Buffer {
    return cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(this.publicJwk.x, 'base64url')],
        [-3, Buffer.from(this.publicJwk.y, 'base64url')],
      ]),
    );
  }

  private authData(rpId: string, flags: number, attested: boolean): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    const parts: Buffer[] = [sha256(rpId), Buffer.of(flags), count];
    if (attested) {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(this.id.length);
      parts.push(Buffer.alloc(16), len, this.id, this.cose());
    }
    return Buffer.concat(parts);
  }

  /** What navigator.credentials.create() gives for `options`, as JSON. */
  attest(options: { challenge: string }, origin: string, c: Ceremony = {}) {
    const clientData = Buffer.from(
      JSON.stringify({
        type: 'webauthn.create',
        challenge: c.challenge ?? options.challenge,
        origin: c.origin ?? origin,
        crossOrigin: false,
      }),
    );
    const flags = UP | (c.userVerified === false ? 0 : UV) | BE | BS | AT;
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', this.authData(c.rpId ?? this.rpId, flags, true)],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64u(clientData),
        attestationObject: b64u(attestationObject),
        transports: ['internal', 'hybrid'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** What navigator.credentials.get() gives for `options`; the counter moves on by one first. */
  assert(options: { challenge: string }, origin: string, c: Ceremony = {}) {
    this.counter += 1;
    const clientData = Buffer.from(
      JSON.stringify({
        type: 'webauthn.get',
        challenge: c.challenge ?? options.challenge,
        origin: c.origin ?? origin,
        crossOrigin: false,
      }),
    );
    const authData = this.authData(
      c.rpId ?? this.rpId,
      UP | (c.userVerified === false ? 0 : UV) | BE | BS,
      false,
    );
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), this.key);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64u(clientData),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
        userHandle: this.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
