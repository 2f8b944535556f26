// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../lib/book/base64';
import { canonicalJson } from '../../../lib/book/canonical-json';
import { generateKeyPair, keyIdFor, looksLikeEnvelope, signBook, verifySignedBook } from '../../../lib/book/signature';
import { validBookInput } from './factories';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'é\n' } })).toBe('{"a":{"c":"é\\n","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same bytes whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it('drops undefined members like JSON.stringify and refuses absurd depth', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    let deep: unknown = 1;
    for (let level = 0; level < 200; level++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(RangeError);
  });
});

describe('Ed25519 signatures', () => {
  it('signs and verifies a book', async () => {
    const keys = await generateKeyPair();
    expect(base64ToBytes(keys.publicKey)).toHaveLength(32);
    const envelope = await signBook(validBookInput(), keys.privateKey);
    expect(envelope.signature).toMatchObject({ alg: 'Ed25519', keyId: keys.keyId });
    expect(await keyIdFor(keys.publicKey)).toBe(keys.keyId);
    const check = await verifySignedBook(JSON.parse(JSON.stringify(envelope)), keys.publicKey);
    expect(check).toEqual({ ok: true, book: validBookInput(), keyId: keys.keyId });
  });

  it('still verifies after the file is re-indented or its keys reordered', async () => {
    const keys = await generateKeyPair();
    const envelope = await signBook({ b: 2, a: 1 }, keys.privateKey);
    const reordered = JSON.parse(JSON.stringify({ signature: envelope.signature, book: { a: 1, b: 2 } }, null, 4));
    expect((await verifySignedBook(reordered, keys.publicKey)).ok).toBe(true);
  });

  it('rejects a book changed by one character', async () => {
    const keys = await generateKeyPair();
    const envelope = await signBook(validBookInput(), keys.privateKey);
    const text = JSON.stringify(envelope).replace('"Team book"', '"Team boot"');
    expect(await verifySignedBook(JSON.parse(text), keys.publicKey)).toMatchObject({ ok: false, error: 'bad signature' });
  });

  it('rejects a signature changed by one byte', async () => {
    const keys = await generateKeyPair();
    const envelope = await signBook(validBookInput(), keys.privateKey);
    const bytes = base64ToBytes(envelope.signature.value) ?? new Uint8Array();
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    const tampered = { ...envelope, signature: { ...envelope.signature, value: bytesToBase64(bytes) } };
    expect(await verifySignedBook(tampered, keys.publicKey)).toMatchObject({ ok: false, error: 'bad signature' });
  });

  it('rejects a book signed with another key, by key id and by the signature itself', async () => {
    const [signer, other] = [await generateKeyPair(), await generateKeyPair()];
    const envelope = await signBook(validBookInput(), signer.privateKey);
    expect(await verifySignedBook(envelope, other.publicKey)).toMatchObject({ ok: false, error: 'wrong key' });
    const unnamed = { ...envelope, signature: { ...envelope.signature, keyId: '' } };
    expect(await verifySignedBook(unnamed, other.publicKey)).toMatchObject({ ok: false, error: 'bad signature' });
  });

  it('says when the signature is missing or malformed', async () => {
    const keys = await generateKeyPair();
    expect(await verifySignedBook(validBookInput(), keys.publicKey)).toMatchObject({ ok: false, error: 'missing signature' });
    expect(await verifySignedBook({ book: validBookInput() }, keys.publicKey)).toMatchObject({ ok: false, error: 'missing signature' });
    expect(await verifySignedBook({ book: {}, signature: 'x' }, keys.publicKey)).toMatchObject({ ok: false, error: 'malformed signature' });
    expect(await verifySignedBook({ book: {}, signature: { alg: 'RS256', value: 'x' } }, keys.publicKey)).toMatchObject({ ok: false, error: 'unsupported algorithm' });
    expect(await verifySignedBook({ book: {}, signature: { alg: 'Ed25519', keyId: '', value: 'AAAA' } }, keys.publicKey)).toMatchObject({
      ok: false,
      error: 'malformed signature',
    });
    expect(await verifySignedBook({ book: {}, signature: { alg: 'Ed25519', value: 'AAAA' } }, 'not a key')).toMatchObject({ ok: false, error: 'invalid public key' });
  });

  it('accepts PEM private keys and SPKI public keys as openssl writes them', async () => {
    const keys = await generateKeyPair();
    const pem = `-----BEGIN PRIVATE KEY-----\n${keys.privateKey}\n-----END PRIVATE KEY-----\n`;
    const raw = base64ToBytes(keys.publicKey) ?? new Uint8Array();
    const spki = bytesToBase64(new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, ...raw]));
    const envelope = await signBook({ a: 1 }, pem);
    expect((await verifySignedBook(envelope, `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----`)).ok).toBe(true);
  });

  it('rejects a private key that is not one', async () => {
    await expect(signBook({ a: 1 }, 'bm90IGEga2V5')).rejects.toThrow();
  });

  it('tells envelopes from bare books', () => {
    expect(looksLikeEnvelope({ book: {}, signature: {} })).toBe(true);
    expect(looksLikeEnvelope(validBookInput())).toBe(false);
    expect(looksLikeEnvelope([])).toBe(false);
  });
});
