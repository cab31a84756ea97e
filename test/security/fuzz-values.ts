/**
 * The values of the API fuzz test (api-fuzz.test.ts): hostile strings, wrong types, prototype-pollution keys and
 * requests generated from an operation's OpenAPI schema or mutated from its known-good sample (route-policy.ts).
 */
import fc from 'fast-check';
import type { Sample } from './route-policy.ts';

/** Injection, traversal, template and pollution strings, odd Unicode, odd numbers and dates. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  "'; DROP TABLE dossiers; --",
  '" OR ""="',
  "1' AND (SELECT pg_sleep(5)) IS NULL --",
  "\\'; SELECT * FROM users --",
  '%',
  '_%_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/zero',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"isAdmin":true}}',
  '${7*7}',
  '{{7*7}}',
  '\u202Egnp.exe',
  '\u202Dabc\u202C\u2066x\u2069',
  'a\u0000b',
  '\u0000',
  '\u0007\u001b[31m',
  '\uD800',
  'x\uDFFFy',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z\u0334\u0321\u0322\u031b\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\uFEFFbom',
  '\u200B',
  'ＡＢＣ１２３',
  'İı',
  'Nguyễn Văn An',
  '\r\nX-Injected: 1',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  '',
  ' ',
  '\t\n',
  'me',
  'true',
  'null',
  '2026-02-30T25:61:00+07:00',
  '0000-01-01T00:00:00Z',
  '1900-01-01T00:00:00+07:00',
  '9999-12-31T23:59:59+14:00',
  '+275760-09-13T00:00:00Z',
  '1989-12-31',
  '2100-01-01',
  '2026-12-08',
  '25000',
  '68',
  '00',
  '99999',
];

/** Keys a body should never be able to use to reach an object's prototype, or to confuse a query builder. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$where',
  '$gt',
  '',
  'extra',
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Up to 100 KB of one character (ASCII, accented, emoji, bidi override, quote). */
const hugeString = fc
  .tuple(fc.constantFrom('a', 'ễ', '💥', '\u202E', "'", '\u0000'), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  { arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

const oddNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 0.5, -0.000001, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, 99999999),
  fc.double(),
);

/** Any JSON value, nested a little. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    { arbitrary: hostileString, weight: 4 },
    { arbitrary: oddNumber, weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    {
      arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_KEYS, 'a'), tie('value'), { maxKeys: 3 }),
      weight: 1,
    },
  ),
})).value;

/** An object with own keys of any name, `__proto__` included (an own data property, as JSON.parse makes one). */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const extraEntries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), hostileString), anyValue), {
  maxLength: 3,
});

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** A value for a schema: mostly of its type with hostile contents, sometimes of another type. */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyValue;
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)), anyValue);
  const typed: fc.Arbitrary<unknown>[] = [];
  if (schema.enum?.length) typed.push(fc.constantFrom(...schema.enum));
  const types = [schema.type ?? []].flat();
  if (types.includes('string')) typed.push(hostileString);
  if (types.includes('integer') || types.includes('number')) typed.push(oddNumber);
  if (types.includes('boolean')) typed.push(fc.boolean());
  if (types.includes('array'))
    typed.push(
      fc.oneof(
        fc.array(valueFor(schema.items, depth + 1), { maxLength: 5 }),
        fc.integer({ min: 100, max: 5_000 }).map((n) => Array.from({ length: n }, () => 'x')),
      ),
    );
  if (types.includes('object') || schema.properties) typed.push(objectFor(schema, depth + 1));
  if (typed.length === 0) return anyValue;
  return fc.oneof({ arbitrary: fc.oneof(...typed), weight: 4 }, { arbitrary: anyValue, weight: 1 });
}

/** An object for a schema: each declared field present (of any value) or missing, plus extra fields. */
export function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {}).map(([name, s]) =>
    fc.option(
      valueFor(s, depth).map((v) => [name, v] as const),
      { nil: undefined, freq: 4 },
    ),
  );
  return fc
    .tuple(fc.tuple(...fields), extraEntries)
    .map(([declared, extra]) =>
      objectOf([...declared.filter((e): e is readonly [string, unknown] => e !== undefined), ...extra]),
    );
}

/**
 * The sample body with one field (at any depth, or one the schema declares and the sample leaves out) set to a
 * hostile value of its type or another, removed, or joined by an extra field.
 */
export function mutateBody(body: unknown, schema: JsonSchema = {}): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const [k, child] of Object.entries(v)) {
        paths.push([...path, k]);
        walk(child, [...path, k]);
      }
  };
  walk(body, []);
  const declared: [string[], JsonSchema][] = [];
  const walkSchema = (sc: JsonSchema, path: string[]) => {
    for (const [k, child] of Object.entries(sc.properties ?? {})) {
      declared.push([[...path, k], child]);
      if (path.length < 3) walkSchema(child, [...path, k]);
    }
  };
  walkSchema(schema, []);
  const objectPaths = [[], ...paths.filter((p) => isObject(get(body, p)))];
  const targets: fc.Arbitrary<[string[], unknown]>[] = [];
  if (paths.length) targets.push(fc.tuple(fc.constantFrom(...paths), anyValue));
  for (const [path, sc] of declared) targets.push(fc.tuple(fc.constant(path), valueFor(sc)));
  const replace = targets.length
    ? fc.oneof(...targets).map(([path, value]) => setAt(body, path, { value }))
    : anyValue;
  const remove = paths.length
    ? fc.constantFrom(...paths).map((path) => setAt(body, path, undefined))
    : anyValue;
  const add = fc
    .tuple(fc.constantFrom(...objectPaths), fc.constantFrom(...HOSTILE_KEYS), anyValue)
    .map(([path, key, value]) => setAt(body, [...path, key], { value }));
  return fc.oneof({ arbitrary: replace, weight: 4 }, remove, add, anyValue);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);

/** A copy of `v` with the value at `path` set (or removed when `to` is undefined). */
function setAt(v: unknown, path: string[], to: { value: unknown } | undefined): unknown {
  if (path.length === 0) return to?.value;
  const source = isObject(v) ? v : {};
  const [head, ...rest] = path as [string, ...string[]];
  const entries = Object.entries(source).filter(([k]) => k !== head);
  const child = rest.length ? setAt(source[head], rest, to) : to?.value;
  return objectOf(rest.length || to ? [...entries, [head, child]] : entries);
}

/** A query value: one string, or the same key repeated (Fastify makes it an array). */
export const queryValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }), weight: 1 },
);

/** A request as the fuzz test sends it. */
export interface FuzzRequest {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** JSON text (with `__proto__` keys kept), raw bytes, or nothing. */
  body?: { contentType: string; payload: string | Buffer };
  idempotencyKey?: string;
  /** What was changed, for the report. */
  mutation: string;
}

/** A path segment from any string: percent-encoded, lone surrogates as raw (invalid UTF-8) bytes. */
export function pathSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

export function queryString(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query))
    for (const one of [v].flat()) parts.push(`${pathSegment(k)}=${pathSegment(one)}`);
  return parts.join('&');
}

export const sampleQuery = (s: Sample): Record<string, string> => ({ ...(s.query ?? {}) });
