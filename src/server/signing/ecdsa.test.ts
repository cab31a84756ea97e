import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaDerToRaw, ecdsaRawToDer } from './ecdsa.ts';

describe('ECDSA signature encodings', () => {
  it('turns raw r||s into the DER that OpenSSL verifies, and back, over many signatures', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // Enough signatures that some r or s has a high first bit (DER pads with 0x00) or a zero first byte (trimmed).
    for (let i = 0; i < 64; i++) {
      const data = Buffer.from(`văn bản ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = ecdsaRawToDer(raw);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
      expect(Buffer.from(ecdsaDerToRaw(der)).equals(raw)).toBe(true);
      const nodeDer = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
      expect(
        verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, ecdsaDerToRaw(nodeDer)),
      ).toBe(true);
    }
  });

  it('encodes small and high-bit integers as DER wants', () => {
    const raw = new Uint8Array(64);
    raw[31] = 1; // r = 1
    raw[32] = 0x80; // s has its high bit set
    const der = ecdsaRawToDer(raw);
    expect(Buffer.from(der.subarray(0, 5)).toString('hex')).toBe('3026020101');
    expect(Buffer.from(der.subarray(5, 8)).toString('hex')).toBe('022100');
    expect(Buffer.from(ecdsaDerToRaw(der)).equals(Buffer.from(raw))).toBe(true);
  });

  it('rejects what is not a DER signature', () => {
    expect(() => ecdsaDerToRaw(new Uint8Array([0x31, 0]))).toThrow(/not a DER/);
    expect(() => ecdsaDerToRaw(new Uint8Array([0x30, 3, 2, 1, 1]))).toThrow(/not a DER/);
    expect(() => ecdsaRawToDer(new Uint8Array(63))).toThrow(/equal sizes/);
  });
});
