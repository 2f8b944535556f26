import { base64ToBytes, bytesToBase64 } from './base64';
import { canonicalJson } from './canonical-json';

/**
 * Signed sales books. A team lead who publishes a book on a web server signs it with a private key
 * kept on their machine; managers' extensions pinned to the matching public key accept only books
 * that key signed, so whoever controls the web server cannot slip in a script of their own.
 *
 *   { "book": { ...the sales book... },
 *     "signature": { "alg": "Ed25519", "keyId": "3f9a0c1d2e4b5a69", "value": "<base64>" } }
 *
 * The signed bytes are `canonicalJson(book)` in UTF-8. Ed25519 through WebCrypto works in Node 20,
 * Chrome 137+ and Firefox 129+; keys travel as base64: the public key raw (32 bytes), the private
 * key PKCS#8. PEM files from `openssl genpkey -algorithm ed25519` are accepted too.
 */

export const SIGNATURE_ALGORITHM = 'Ed25519';

export interface SignatureBlock {
  alg: typeof SIGNATURE_ALGORITHM;
  keyId: string;
  value: string;
}

export interface SignedBook<Book = unknown> {
  book: Book;
  signature: SignatureBlock;
}

export type SignatureError =
  | 'missing signature'
  | 'malformed signature'
  | 'unsupported algorithm'
  | 'invalid public key'
  | 'wrong key'
  | 'bad signature'
  | 'unavailable';

export type SignatureCheck =
  | { ok: true; book: unknown; keyId: string }
  | { ok: false; error: SignatureError; detail: string };

export interface KeyPair {
  /** Base64 of the raw 32-byte public key: pin this in the managed policy or options. */
  publicKey: string;
  /** Base64 of the PKCS#8 private key: keep it off the web server. */
  privateKey: string;
  keyId: string;
}

const ED25519 = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error('WebCrypto is not available in this environment');
  return api;
}

export async function generateKeyPair(): Promise<KeyPair> {
  const pair = await subtle().generateKey(ED25519, true, ['sign', 'verify']);
  const publicRaw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const privatePkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  return {
    publicKey: bytesToBase64(publicRaw),
    privateKey: bytesToBase64(privatePkcs8),
    keyId: await keyIdForBytes(publicRaw),
  };
}

/** A short, stable name for a public key: the first 8 bytes of its SHA-256, in hex. */
export async function keyIdFor(publicKeyBase64: string): Promise<string> {
  const raw = decodePublicKey(publicKeyBase64);
  if (!raw) throw new Error('invalid public key: expected base64 of a 32-byte Ed25519 key');
  return keyIdForBytes(raw);
}

async function keyIdForBytes(raw: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', raw));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function signBook<Book>(book: Book, privateKeyBase64: string): Promise<SignedBook<Book>> {
  const pkcs8 = decodeKeyText(privateKeyBase64);
  if (!pkcs8) throw new Error('invalid private key: expected base64 (or PEM) of a PKCS#8 Ed25519 key');
  const privateKey = await subtle().importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
  // The public half is inside the private JWK ("x"), so the signer needs only one file.
  const jwk = await subtle().exportKey('jwk', privateKey);
  const publicRaw = jwk.x ? base64ToBytes(jwk.x) : null;
  if (!publicRaw) throw new Error('invalid private key: could not derive its public key');
  const signature = new Uint8Array(await subtle().sign(ED25519, privateKey, encoder.encode(canonicalJson(book))));
  return {
    book,
    signature: { alg: SIGNATURE_ALGORITHM, keyId: await keyIdForBytes(publicRaw), value: bytesToBase64(signature) },
  };
}

/** Checks an envelope against the pinned public key. Never throws. */
export async function verifySignedBook(envelope: unknown, publicKeyBase64: string): Promise<SignatureCheck> {
  const fail = (error: SignatureError, detail: string): SignatureCheck => ({ ok: false, error, detail });
  if (!isPlainObject(envelope) || !Object.hasOwn(envelope, 'book')) {
    return fail('missing signature', 'expected { "book": …, "signature": … }, but this is a bare book');
  }
  const block = envelope['signature'];
  if (block === undefined) return fail('missing signature', 'the envelope has no "signature"');
  if (!isPlainObject(block) || typeof block['alg'] !== 'string' || typeof block['value'] !== 'string') {
    return fail('malformed signature', 'expected "signature": { "alg", "keyId", "value" }');
  }
  if (block['alg'] !== SIGNATURE_ALGORITHM) {
    return fail('unsupported algorithm', `expected "alg": "${SIGNATURE_ALGORITHM}", got ${JSON.stringify(block['alg'].slice(0, 40))}`);
  }
  const publicRaw = decodePublicKey(publicKeyBase64);
  if (!publicRaw) return fail('invalid public key', 'the pinned public key is not base64 of a 32-byte Ed25519 key');

  try {
    const keyId = await keyIdForBytes(publicRaw);
    const claimed = block['keyId'];
    if (typeof claimed === 'string' && claimed !== '' && claimed !== keyId) {
      return fail('wrong key', `the book was signed with key ${claimed.slice(0, 64)}, but this source trusts key ${keyId}`);
    }
    const signature = base64ToBytes(block['value']);
    if (!signature || signature.length !== 64) return fail('malformed signature', 'an Ed25519 signature is 64 bytes of base64');
    const publicKey = await subtle().importKey('raw', publicRaw, ED25519, false, ['verify']);
    const signed = encoder.encode(canonicalJson(envelope['book']));
    const valid = await subtle().verify(ED25519, publicKey, signature, signed);
    if (!valid) return fail('bad signature', 'the book was changed after it was signed, or was signed with another key');
    return { ok: true, book: envelope['book'], keyId };
  } catch (error) {
    return fail('unavailable', `the signature could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** True for `{ book, signature? }`; a bare book has `schema` at the top instead. */
export function looksLikeEnvelope(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.hasOwn(value, 'book') && !Object.hasOwn(value, 'schema');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Base64 or a PEM block, whitespace ignored. */
function decodeKeyText(text: string): Uint8Array<ArrayBuffer> | null {
  const pem = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END [A-Z ]+-----/.exec(text);
  return base64ToBytes(pem ? (pem[1] ?? '') : text.trim());
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (what openssl writes); the key is what follows. */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function decodePublicKey(text: string): Uint8Array<ArrayBuffer> | null {
  const bytes = decodeKeyText(text);
  if (!bytes) return null;
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && SPKI_ED25519_PREFIX.every((byte, index) => bytes[index] === byte)) return bytes.slice(12);
  return null;
}
