/**
 * Guard: every input the API accepts has a bound that fits its form (docs/SECURITY.md, "Bounded work"). Walks the
 * request schemas of every route in the app's OpenAPI document (params, query string, headers, JSON body) and
 * fails on a string without maxLength, an array without maxItems, a number without minimum and maximum, or a map
 * (record) without maxProperties. Enumerations and constants are bounded by their values; a string pattern that is
 * anchored and has no open-ended repetition (`^\d{5}$`) bounds its length too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestApp, type TestApp } from '../../test/support/app.ts';
import { ALL_CATALOG_PROCEDURES } from './procedures/catalog-data/index.ts';
import { ZCatalogImport } from './procedures/procedure.schemas.ts';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxProperties?: number;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  not?: Schema;
  $ref?: string;
};

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** An anchored pattern without *, + or {n,}: every match has a bounded length. */
const boundedPattern = (p: string): boolean =>
  p.startsWith('^') && p.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(p);

const typesOf = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** Every unbounded place in a schema, as `path: what is missing`. */
function unbounded(schema: Schema, path: string, refs: Record<string, Schema> = {}): string[] {
  if (schema.$ref) {
    const target = refs[schema.$ref.split('/').pop() ?? ''];
    return target ? unbounded(target, path, refs) : [`${path}: unresolved ${schema.$ref}`];
  }
  if (schema.enum !== undefined || schema.const !== undefined) return [];
  const found: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    schema[key]?.forEach((s, i) => found.push(...unbounded(s, `${path}<${key}${i}>`, refs)));
  const types = typesOf(schema);
  if (
    types.includes('string') &&
    schema.maxLength === undefined &&
    !(schema.pattern && boundedPattern(schema.pattern))
  )
    found.push(`${path}: string without maxLength`);
  if (types.includes('number') || types.includes('integer')) {
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined)
      found.push(`${path}: number without maximum`);
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined)
      found.push(`${path}: number without minimum`);
  }
  if (types.includes('array')) {
    if (schema.maxItems === undefined) found.push(`${path}: array without maxItems`);
    const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
    for (const item of [...items, ...(schema.prefixItems ?? [])])
      found.push(...unbounded(item, `${path}[]`, refs));
  }
  for (const [name, s] of Object.entries(schema.properties ?? {}))
    found.push(...unbounded(s, `${path}.${name}`, refs));
  if (typeof schema.additionalProperties === 'object') {
    if (schema.maxProperties === undefined) found.push(`${path}: map without maxProperties`);
    found.push(...unbounded(schema.additionalProperties, `${path}{}`, refs));
  }
  return found;
}

/** Every unbounded input of every route. */
function unboundedInputs(doc: OpenApi): string[] {
  const refs = doc.components?.schemas ?? {};
  const found: string[] = [];
  for (const [url, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const at = `${method.toUpperCase()} ${url}`;
      for (const p of op.parameters ?? [])
        if (p.schema) found.push(...unbounded(p.schema, `${at} ${p.in}.${p.name}`, refs));
      for (const [type, content] of Object.entries(op.requestBody?.content ?? {}))
        if (content.schema) found.push(...unbounded(content.schema, `${at} body(${type})`, refs));
    }
  return found;
}

describe('input bounds', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await openTestApp('sqlite');
    await h.app.ready();
  });
  afterAll(async () => h?.close());

  it('every string, array, number and map of every request schema has a bound', () => {
    const doc = h.app.swagger() as unknown as OpenApi;
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30); // the walk sees the real routes
    expect(unboundedInputs(doc)).toEqual([]);
  });

  it('the catalog import (checked in its handler, JSON or Excel) is bounded too', () => {
    const schema = z.toJSONSchema(ZCatalogImport, { io: 'input' }) as Schema;
    expect(unbounded(schema, 'POST /api/procedures/import items')).toEqual([]);
    // …and the built-in catalog fits the bounds (it is exported and imported back through the same schema).
    expect(ZCatalogImport.safeParse(ALL_CATALOG_PROCEDURES).error?.issues).toBeUndefined();
  });

  it('refuses control and bidi characters in a catalog the XLSX import reads (no JSON guard on that path)', () => {
    const entry = ALL_CATALOG_PROCEDURES[0]!;
    const bad = [
      { ...entry, name: `${entry.name}\u202Efdp.exe` },
      { ...entry, competentAgency: 'UBND\ncấp xã' },
      { ...entry, components: [{ ...entry.components[0]!, name: 'Tờ khai\u0007' }] },
      { ...entry, legalBasis: ['Luật\u2066 Hộ tịch'] },
    ];
    for (const e of bad)
      expect(ZCatalogImport.safeParse([e]).success, JSON.stringify(e).slice(0, 80)).toBe(false);
    expect(ZCatalogImport.safeParse([entry]).success).toBe(true);
  });

  it('the walk finds what is unbounded, deep inside objects, arrays and unions', () => {
    const schema: Schema = {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 200 },
        note: { type: 'string' },
        code: { type: 'string', pattern: '^\\d{5}$' },
        free: { type: 'string', pattern: '^\\d+$' },
        kind: { type: 'string', enum: ['a', 'b'] },
        items: { type: 'array', items: { type: 'string' } },
        list: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 9 } },
        count: { type: 'integer', minimum: 0 },
        either: {
          anyOf: [
            { type: 'string', maxLength: 3 },
            { type: 'number', minimum: 0, maximum: 1 },
          ],
        },
        map: { type: 'object', additionalProperties: { type: 'string', maxLength: 3 } },
      },
    };
    expect(unbounded(schema, 'x')).toEqual([
      'x.note: string without maxLength',
      'x.free: string without maxLength',
      'x.items: array without maxItems',
      'x.items[]: string without maxLength',
      'x.count: number without maximum',
      'x.map: map without maxProperties',
    ]);
  });
});
