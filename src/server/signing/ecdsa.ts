/**
 * ECDSA signature encodings. PKCS#11's CKM_ECDSA and WebCrypto give and take the raw `r || s` (each the size of the
 * curve order, 32 bytes for P-256); CMS wants the DER `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }`
 * (RFC 5753 / RFC 3279).
 */

function derInteger(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  // A leading 1 bit would read as negative: prefix a zero byte.
  const body = trimmed[0]! & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed;
  return Uint8Array.of(0x02, ...derLength(body.length), ...body);
}

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}

/** Raw `r || s` (even length) to the DER Ecdsa-Sig-Value. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0)
    throw new Error('ECDSA raw signature must be r || s of equal sizes');
  const half = raw.length / 2;
  const r = derInteger(raw.subarray(0, half));
  const s = derInteger(raw.subarray(half));
  return Uint8Array.of(0x30, ...derLength(r.length + s.length), ...r, ...s);
}

/** The DER Ecdsa-Sig-Value to raw `r || s`, each left-padded to `size` bytes (32 for P-256). */
export function ecdsaDerToRaw(der: Uint8Array, size = 32): Uint8Array {
  let pos = 0;
  const fail = (): never => {
    throw new Error('not a DER ECDSA signature');
  };
  const readLength = (): number => {
    const first = der[pos++] ?? fail();
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count < 1 || count > 2) fail();
    let n = 0;
    for (let i = 0; i < count; i++) n = (n << 8) | (der[pos++] ?? fail());
    return n;
  };
  if (der[pos++] !== 0x30) fail();
  const seqLength = readLength();
  if (pos + seqLength !== der.length) fail();
  const out = new Uint8Array(size * 2);
  for (const offset of [0, size]) {
    if (der[pos++] !== 0x02) fail();
    const length = readLength();
    let value = der.subarray(pos, pos + length);
    if (value.length !== length) fail();
    pos += length;
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > size) fail();
    out.set(value, offset + size - value.length);
  }
  if (pos !== der.length) fail();
  return out;
}
