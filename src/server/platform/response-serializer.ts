/**
 * Response serialisation: each route's zod response schema compiled once to fast-json-stringify, instead of
 * fastify-type-provider-zod's serializer, which runs zod's encode over every object of every answer before
 * `JSON.stringify` (3-4 % of a queue page's CPU, more on the dossier read).
 *
 * A schema is compiled only when the compiled function writes what zod would: every object strips the keys its
 * schema does not name (zod's default; `additionalProperties: false` here, so a presenter's extra key, personal
 * data included, never reaches the client), and no node changes a value on the way out (no transform, pipe,
 * default, catch, trim-like overwrite) or needs a schema validator to choose a branch (unions of objects, as
 * fast-json-stringify would then validate with ajv). Anything else falls back to the zod serializer, per route
 * and status. The route's zod schema is untouched, so the OpenAPI document is the same.
 *
 * One known difference: a record's own `__proto__` key (a stored transfer's or payload's, if one ever had it) is
 * written as data; zod's serializer assigned it, changing the output object's prototype, and wrote nothing.
 *
 * What the compiled serialiser does not do: validate. The zod serializer answers 500 when a presenter returns a
 * wrong type (a number for a string); compiled, the value is coerced (`String`, `Number`). Presenters are typed by
 * the same zod schemas (`z.infer`), so TypeScript rejects those before they run.
 */
import fastJsonStringify, { type Schema as FjsSchema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { $ZodType } from 'zod/v4/core';

/** Zod node types whose output is the input, unchanged, and that JSON Schema describes exactly. */
const PLAIN_TYPES = new Set([
  'string',
  'number',
  'boolean',
  'null',
  'any',
  'unknown',
  'enum',
  'literal',
  'object',
  'array',
  'tuple',
  'record',
  'optional',
  'nullable',
  'readonly',
  'union',
]);

interface ZodNode {
  _zod: {
    def: {
      type: string;
      checks?: { _zod: { def: { check: string } } }[];
      shape?: Record<string, ZodNode>;
      catchall?: ZodNode;
      element?: ZodNode;
      items?: ZodNode[];
      rest?: ZodNode | null;
      keyType?: ZodNode;
      valueType?: ZodNode;
      innerType?: ZodNode;
      options?: ZodNode[];
    };
  };
}

/** Why the zod schema cannot be compiled (a path and a reason), or null when it can. */
export function zodObstacle(node: ZodNode, path = '$'): string | null {
  const def = node._zod.def;
  if (!PLAIN_TYPES.has(def.type)) return `${path}: ${def.type}`;
  if (def.checks?.some((c) => c._zod.def.check === 'overwrite')) return `${path}: overwrite (trim, case…)`;
  switch (def.type) {
    case 'object': {
      // strip (no catchall) or strict (never): unknown keys never pass; a loose object would pass them on
      if (def.catchall && def.catchall._zod.def.type !== 'never') return `${path}: catchall`;
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        const found = zodObstacle(child, `${path}.${key}`);
        if (found) return found;
      }
      return null;
    }
    case 'array':
      return zodObstacle(def.element!, `${path}[]`);
    case 'tuple':
      if (def.rest) return `${path}: tuple rest`;
      for (const [i, item] of (def.items ?? []).entries()) {
        const found = zodObstacle(item, `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    case 'record': {
      const key = def.keyType!._zod.def;
      // plain string keys or an enum's (exhaustive in zod 4, so every key is written)
      if (!(key.type === 'enum' || (key.type === 'string' && (key.checks ?? []).length === 0)))
        return `${path}: record key`;
      return zodObstacle(def.valueType!, `${path}{}`);
    }
    case 'optional':
    case 'nullable':
    case 'readonly':
      return zodObstacle(def.innerType!, path);
    case 'union':
      for (const [i, option] of (def.options ?? []).entries()) {
        const type = option._zod.def.type;
        if (
          type === 'object' ||
          type === 'array' ||
          type === 'tuple' ||
          type === 'record' ||
          type === 'union'
        )
          return `${path}|${i}: ${type} in a union`;
        const found = zodObstacle(option, `${path}|${i}`);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

type JsonSchema = Record<string, unknown>;

/** Keywords fast-json-stringify writes by; the rest (descriptions, patterns, bounds) only describe. */
const COMBINATORS = ['anyOf', 'oneOf', 'allOf', 'not', 'if', '$ref', 'patternProperties', 'prefixItems'];

/**
 * The JSON Schema fast-json-stringify compiles: zod's, with `anyOf [X, {type: null}]` (a nullable object or array)
 * as X with `nullable: true`. Throws on a combinator left (the zod check above should have refused it first).
 */
export function forStringify(schema: JsonSchema, path = '$'): JsonSchema {
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf && anyOf.length === 2 && anyOf.some((s) => s.type === 'null' && Object.keys(s).length === 1)) {
    const { anyOf: _drop, ...rest } = schema;
    const inner = anyOf.find((s) => !(s.type === 'null' && Object.keys(s).length === 1))!;
    return forStringify({ ...rest, ...inner, nullable: true }, path);
  }
  const left = COMBINATORS.find((k) => k in schema);
  if (left) throw new Error(`${path}: ${left}`);
  const out: JsonSchema = { ...schema };
  if (schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'))) {
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties) {
      // an object with named properties writes those only
      if (schema.additionalProperties !== false) throw new Error(`${path}: additionalProperties`);
      out.properties = Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, forStringify(v, `${path}.${k}`)]),
      );
    } else if (typeof schema.additionalProperties === 'object') {
      // a record
      out.additionalProperties = forStringify(schema.additionalProperties as JsonSchema, `${path}{}`);
    } else throw new Error(`${path}: object without properties`);
  }
  if (schema.items !== undefined)
    out.items = Array.isArray(schema.items)
      ? (schema.items as JsonSchema[]).map((s, i) => forStringify(s, `${path}[${i}]`))
      : forStringify(schema.items as JsonSchema, `${path}[]`);
  return out;
}

export type Compiled =
  { compiled: true; stringify: (data: unknown) => string } | { compiled: false; why: string };

/** The compiled serialiser of a zod schema, or why there is none. */
export function compileZodSerializer(schema: unknown): Compiled {
  if (!(schema instanceof $ZodType)) return { compiled: false, why: 'not a zod schema' };
  const obstacle = zodObstacle(schema as unknown as ZodNode);
  if (obstacle) return { compiled: false, why: obstacle };
  try {
    const json = z.toJSONSchema(schema as ZodType, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      reused: 'inline',
      cycles: 'throw',
    }) as JsonSchema;
    const { $schema: _s, ...rest } = json;
    return { compiled: true, stringify: fastJsonStringify(forStringify(rest) as unknown as FjsSchema) };
  } catch (e) {
    return { compiled: false, why: (e as Error).message };
  }
}

/** A route and status answered by the zod serializer, and why. */
export interface ZodFallback {
  method: string;
  url: string;
  status: string;
  why: string;
}

/**
 * Fastify's serializer compiler: the compiled function when the schema allows it, zod's otherwise (each fallback
 * given to `onFallback`, for the tests and the docs). Compiled on a route's first answer, not at start-up: of the
 * ~120 routes and statuses most answer rarely, and compiling them all cost ~80 ms of the server's start.
 */
export function responseSerializerCompiler(
  onFallback?: (fallback: ZodFallback) => void,
): FastifySerializerCompiler<unknown> {
  return (route) => {
    let write: ((data: unknown) => string) | undefined;
    const compile = (): ((data: unknown) => string) => {
      const result = compileZodSerializer(route.schema);
      if (result.compiled) return result.stringify;
      onFallback?.({
        method: route.method,
        url: route.url,
        status: String(route.httpStatus),
        why: result.why,
      });
      return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    };
    return (data) => (write ??= compile())(data);
  };
}
