import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { compileZodSerializer, responseSerializerCompiler, type ZodFallback } from './response-serializer.ts';

const zodWrite = (schema: z.ZodType, data: unknown) =>
  zodSerializerCompiler({ schema, method: 'GET', url: '/' } as never)(data);

describe('compileZodSerializer', () => {
  it('falls back to zod for every schema whose answer zod would change or that needs a validator', () => {
    const refused = {
      transform: z.object({ a: z.string().transform((s) => s.length) }),
      default: z.object({ a: z.string().default('x') }),
      trim: z.object({ a: z.string().trim() }),
      date: z.object({ a: z.date() }),
      'loose object': z.looseObject({ a: z.string() }),
      'union of objects': z.object({
        a: z.union([z.object({ x: z.string() }), z.object({ y: z.number() })]),
      }),
      'discriminated union': z.discriminatedUnion('k', [
        z.object({ k: z.literal('a'), a: z.string() }),
        z.object({ k: z.literal('b'), b: z.string() }),
      ]),
      intersection: z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })),
      'record with a pattern key': z.record(z.string().regex(/^x/), z.string()),
      lazy: z.object({ a: z.lazy(() => z.string()) }),
    };
    for (const [what, schema] of Object.entries(refused))
      expect(compileZodSerializer(schema).compiled, what).toBe(false);
    expect(compileZodSerializer({ type: 'object' }).compiled).toBe(false);
  });

  it('writes nullable objects and arrays, unions of scalars, records, tuples and literals as zod does', () => {
    const schema = z.object({
      o: z.object({ x: z.number() }).nullable(),
      oo: z.object({ x: z.number() }).nullable().optional(),
      arr: z.array(z.string()).nullable(),
      u: z.union([z.string(), z.number()]),
      e: z.enum(['a', 'b']).nullable(),
      r: z.record(z.string(), z.unknown()),
      counts: z.record(z.enum(['x', 'y']), z.number()),
      t: z.tuple([z.string(), z.boolean()]),
      l: z.literal('k'),
      any: z.unknown(),
      when: z.iso.datetime({ offset: true }),
    });
    const fast = compileZodSerializer(schema);
    if (!fast.compiled) throw new Error(fast.why);
    const samples = [
      {
        o: null,
        arr: null,
        u: 'x',
        e: null,
        r: {},
        counts: { x: 1, y: 2 },
        t: ['a', true],
        l: 'k',
        any: null,
        when: '2026-02-25T17:30:00+07:00',
      },
      {
        o: { x: 1, leaked: 'x' },
        oo: null,
        arr: ['a\u0000"\\', '\ud800'],
        u: 2.5,
        e: 'b',
        r: { q: [1, { z: null }], '': 'x' },
        counts: { x: 0, y: -0 },
        t: ['', false],
        l: 'k',
        any: { deep: ['x'] },
        when: '2026-02-25T17:30:00+07:00',
        extra: 'never written',
      },
    ];
    for (const data of samples) {
      const written = fast.stringify(data);
      expect(JSON.parse(written)).toEqual(JSON.parse(zodWrite(schema, data)));
      expect(written).not.toContain('leaked');
      expect(written).not.toContain('never written');
    }
  });

  it("the app's compiler compiles on a route's first answer and reports the routes left to zod", () => {
    const fallbacks: ZodFallback[] = [];
    const compiler = responseSerializerCompiler((f) => fallbacks.push(f));
    const route = (schema: z.ZodType) =>
      compiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);
    const trimmed = z.object({ a: z.string().trim() });
    const plain = z.object({ a: z.string() });
    const writeTrimmed = route(trimmed);
    const writePlain = route(plain);
    expect(fallbacks).toEqual([]); // nothing compiled before an answer
    expect(writeTrimmed({ a: '  x  ', b: 1 })).toBe(zodWrite(trimmed, { a: '  x  ', b: 1 }));
    expect(writeTrimmed({ a: ' y' })).toBe('{"a":"y"}');
    expect(writePlain({ a: 'x', b: 1 })).toBe('{"a":"x"}');
    expect(fallbacks).toEqual([
      { method: 'GET', url: '/x', status: '200', why: '$.a: overwrite (trim, case…)' },
    ]);
  });

  it("writes a record's own `__proto__` key as data, where zod assigned it and wrote nothing (the one difference)", () => {
    const schema = z.object({ r: z.array(z.record(z.string(), z.unknown())) });
    const data = JSON.parse('{"r":[{"__proto__":{"x":1},"a":2}]}') as unknown;
    const fast = compileZodSerializer(schema);
    if (!fast.compiled) throw new Error(fast.why);
    expect(fast.stringify(data)).toBe(JSON.stringify(data));
    expect(fast.stringify(data)).toBe('{"r":[{"__proto__":{"x":1},"a":2}]}');
    expect(zodWrite(schema, data)).toBe('{"r":[{"a":2}]}');
  });
});
