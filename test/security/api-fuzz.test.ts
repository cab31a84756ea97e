import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/server/accounts/roles.ts';
import { DIALECTS } from '../support/db.ts';
import { casesOf, ROUTE_POLICY, type Caller, type RouteCase, type Sample } from './route-policy.ts';
import {
  hostileString,
  mutateBody,
  objectFor,
  pathSegment,
  queryString,
  queryValue,
  type FuzzRequest,
  type JsonSchema,
} from './fuzz-values.ts';
import { changedTables, openTenants, requestTo, rowCounts, type Tenants } from './tenants.ts';

/**
 * The API fuzz test: every operation of the OpenAPI document that takes input (path, query, body), called with
 * requests generated from its schema and mutated from its known-good sample (route-policy.ts) — wrong types,
 * missing and extra fields, strings up to 100 KB, odd Unicode, injection strings, `__proto__` keys — as a system
 * admin and as a role the route lets through (anonymous for public routes). Every answer: never a 5xx; an error
 * in the project's shape ({ error: { code, message, details } }); a refused request (4xx) writes nothing (row counts
 * of the main tables, the audit chain's length included, are unchanged; a 401 or 403 may append its audit entry);
 * no request slower than SLOW_MS.
 *
 * `npm test` runs a few requests per operation and caller with a fixed seed; `npm run test:fuzz` many more
 * (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** Wall-clock bound of one request (the machine's clock: performance.now()). */
const SLOW_MS = 1_000;

type ProblemKind = '5xx' | 'shape' | 'write' | 'slow';
interface Problem {
  route: string;
  kind: ProblemKind;
  caller: Caller;
  status: number;
  ms: number;
  mutation: string;
  detail: string;
}

/**
 * Failures known to be fixed by work in progress elsewhere, each with its finding (security issue 10); the work
 * that fixes one removes its line. A listed gap that no longer occurs is not an error (the runs are samples).
 */
const KNOWN_GAPS: { finding: string; route: RegExp; kind: ProblemKind; mutation: RegExp; why: string }[] = [];

const isKnown = (p: Problem) =>
  KNOWN_GAPS.some((g) => g.route.test(p.route) && g.kind === p.kind && g.mutation.test(p.mutation));

interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface Operation {
  route: string;
  method: string;
  template: string;
  query: OpenApiParameter[];
  path: OpenApiParameter[];
  idempotent: boolean;
  body?: JsonSchema;
  policy: RouteCase;
}

/** The operations of the OpenAPI document that take input, with their policy entry (a sample that gets through). */
function operationsOf(doc: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase();
      const template = path.replace(/\{(\w+)\}/g, ':$1');
      const route = `${method} ${template}`;
      const entry = ROUTE_POLICY[route];
      if (!entry) throw new Error(`route ${route} has no entry in the policy table`);
      const policy = casesOf(entry)[0]!;
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      const sample = policy.sample({ at: placeholderTargets, seq: 0 });
      if (!params.length && !body && sample.body === undefined && !sample.raw) continue;
      ops.push({
        route,
        method,
        template,
        query: params.filter((p) => p.in === 'query'),
        path: params.filter((p) => p.in === 'path'),
        idempotent: params.some((p) => p.in === 'header' && p.name === 'idempotency-key'),
        body: body ?? (sample.body !== undefined ? {} : undefined),
        policy,
      });
    }
  return ops;
}

const placeholderTargets = new Proxy({} as never, { get: () => 'x' });

/** The sample as sent, unchanged. */
function baseRequest(sample: Sample): FuzzRequest {
  const body = sample.raw
    ? { contentType: sample.raw.contentType, payload: sample.raw.bytes }
    : sample.body !== undefined
      ? { contentType: 'application/json', payload: JSON.stringify(sample.body) }
      : undefined;
  return { params: { ...sample.params }, query: { ...sample.query }, body, mutation: 'none' };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Past every body limit (1 MB for JSON, MOTCUA_MAX_UPLOAD_MB = 1 in tests for files; 10 MB for catalog imports). */
const OVERSIZED = Buffer.alloc(11 * 1_048_576, 0x20);

const json = (v: unknown) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' });

/** Requests for an operation: one part of the sample changed at a time. */
function requestsFor(op: Operation, sample: Sample): fc.Arbitrary<FuzzRequest> {
  const base = baseRequest(sample);
  const ways: fc.Arbitrary<FuzzRequest>[] = [];
  if (op.path.length)
    ways.push(
      fc.tuple(fc.constantFrom(...op.path.map((p) => p.name)), hostileString).map(([name, value]) => ({
        ...base,
        params: { ...base.params, [name]: value },
        mutation: `path ${name}`,
      })),
    );
  if (op.query.length) {
    const declared = op.query.map((p) =>
      fc.option(
        queryValue.map((v) => [p.name, v] as const),
        { nil: undefined, freq: 2 },
      ),
    );
    const extra = fc.array(fc.tuple(hostileString, queryValue), { maxLength: 2 });
    ways.push(
      fc.tuple(fc.tuple(...declared), extra).map(([fields, more]) => {
        const query: Record<string, string | string[]> = { ...base.query };
        for (const f of fields) if (f) query[f[0]] = f[1];
        for (const [k, v] of more) query[k] = v;
        return { ...base, query, mutation: 'query' };
      }),
    );
  }
  if (sample.raw)
    ways.push(
      fc
        .tuple(
          fc.uint8Array({ maxLength: 2_000 }),
          fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'),
        )
        .map(([bytes, contentType]) => ({
          ...base,
          body: { contentType, payload: Buffer.from(bytes) },
          mutation: 'file bytes',
        })),
    );
  else if (op.body) {
    ways.push(objectFor(op.body).map((b) => ({ ...base, body: json(b), mutation: 'body from schema' })));
    if (sample.body !== undefined)
      ways.push(
        mutateBody(sample.body, op.body).map((b) => ({ ...base, body: json(b), mutation: 'sample body' })),
      );
    ways.push(
      fc
        .tuple(
          fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', XLSX_TYPE),
          fc.option(fc.uint8Array({ maxLength: 2_000 }), { nil: undefined }),
        )
        .map(([contentType, bytes]) => ({
          ...base,
          body: { contentType, payload: bytes ? Buffer.from(bytes) : String(base.body?.payload ?? 'a=1') },
          mutation: `content type ${contentType}`,
        })),
    );
  }
  if (op.idempotent)
    ways.push(
      fc
        .oneof(fc.string({ unit: 'binary-ascii', maxLength: 300 }), fc.constant('k'.repeat(5_000)))
        .map((k) => k.replace(/[^\x20-\x7e]/g, '')) // a header carries printable ASCII only
        .map((idempotencyKey) => ({ ...base, idempotencyKey, mutation: 'idempotency key' })),
    );
  return fc.oneof(...ways);
}

/** Requests every operation with a body gets once (as the system admin): broken, polluting, mistyped, oversized. */
function fixedRequests(op: Operation, sample: Sample): FuzzRequest[] {
  if (!op.body) return [];
  const base = baseRequest(sample);
  const raw = (contentType: string, payload: string | Buffer, mutation: string): FuzzRequest => ({
    ...base,
    body: { contentType, payload },
    mutation,
  });
  const garbage = Buffer.from('PK\u0003\u0004 not really a file \u0000\u00ff', 'latin1');
  return [
    raw('application/json', '{"a":', 'broken JSON'),
    raw(
      'application/json',
      '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
      'prototype keys',
    ),
    ...['text/plain', XLSX_TYPE, 'application/pdf', 'application/octet-stream'].map((t) =>
      raw(t, garbage, `garbage as ${t}`),
    ),
    raw(base.body?.contentType ?? 'application/json', OVERSIZED, 'oversized body'),
  ];
}

function injectOf(op: Operation, r: FuzzRequest, cookie: string | undefined): InjectOptions {
  const path = op.template.replace(/:(\w+)/g, (_, name: string) => pathSegment(r.params[name] ?? ''));
  const query = queryString(r.query);
  const options = requestTo(op.method, query ? `${path}?${query}` : path, cookie);
  if (r.idempotencyKey !== undefined) options.headers['idempotency-key'] = r.idempotencyKey;
  if (r.body) options.headers['content-type'] = r.body.contentType;
  return { ...options, payload: r.body?.payload };
}

/** Whether a body is the project's error: { error: { code, message, details } }. */
function errorShapeProblem(body: string): string | null {
  try {
    const e = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown; details?: unknown } })
      .error;
    if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || !e.message)
      return 'no error.code / error.message';
    if (typeof e.details !== 'object' || e.details === null) return 'no error.details';
    return null;
  } catch {
    return `not JSON: ${body.slice(0, 80)}`;
  }
}

for (const dialect of DIALECTS) {
  describe(`API fuzz on ${dialect}`, () => {
    let s: Tenants;
    let ops: Operation[] = [];
    const slowest: { route: string; ms: number; mutation: string }[] = [];
    const statuses = new Map<number, number>();
    beforeAll(async () => {
      s = await openTenants(dialect);
      await s.h.app.ready();
      ops = operationsOf(s.h.app.swagger() as never);
      // Warm up: every operation's sample once (first PDF and Excel renders load fonts and modules), unmeasured.
      for (const op of ops)
        await s.send(
          op.method,
          op.template,
          op.policy.sample({ at: s.targets.own, seq: 0 }),
          s.cookies.get('system_admin'),
        );
    }, 120_000);
    afterAll(async () => {
      slowest.sort((a, b) => b.ms - a.ms);
      console.info(
        `API fuzz on ${dialect}: ${RUNS} runs per operation and caller, seed ${SEED}; answers ` +
          [...statuses]
            .sort(([a], [b]) => a - b)
            .map(([k, n]) => `${k}×${n}`)
            .join(' ') +
          '; slowest requests:\n' +
          slowest
            .slice(0, 5)
            .map((x) => `  ${x.ms.toFixed(0)} ms  ${x.route} (${x.mutation})`)
            .join('\n'),
      );
      await s?.h.close();
    });

    it('finds operations to fuzz in the OpenAPI document', () => {
      expect(ops.length).toBeGreaterThan(30);
    });

    const callersOf = (c: RouteCase): Caller[] => {
      if (c.who('anonymous', 'own')) return ['system_admin', 'anonymous'];
      const role = ROLES.find((r) => r !== 'system_admin' && c.who(r, 'own'));
      return role ? ['system_admin', role] : ['system_admin'];
    };

    it(
      'every operation: no 5xx, errors in shape, nothing written by a refusal, none slow',
      async () => {
        const problems: Problem[] = [];
        for (const [index, op] of ops.entries()) {
          for (const caller of callersOf(op.policy)) {
            const cookie = caller === 'anonymous' ? undefined : s.cookies.get(caller);
            const sample = op.policy.sample({ at: s.targets.own, seq: index });
            const requests = [
              ...(caller === 'system_admin' ? fixedRequests(op, sample) : []),
              ...fc.sample(requestsFor(op, sample), { seed: SEED + index, numRuns: RUNS }),
            ];
            for (const r of requests) {
              const before = await rowCounts(s.h);
              const started = performance.now();
              const res = await s.h.app.inject(injectOf(op, r, cookie));
              const ms = performance.now() - started;
              slowest.push({ route: op.route, ms, mutation: r.mutation });
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const report = (kind: ProblemKind, detail: string) =>
                problems.push({
                  route: op.route,
                  kind,
                  caller,
                  status: res.statusCode,
                  ms,
                  mutation: r.mutation,
                  detail,
                });
              if (res.statusCode >= 500) report('5xx', res.body.slice(0, 300));
              if (res.statusCode >= 400) {
                const shape = errorShapeProblem(res.body);
                if (shape) report('shape', shape);
              }
              if (res.statusCode >= 400 && res.statusCode < 500) {
                const audited = res.statusCode === 401 || res.statusCode === 403;
                const changed = changedTables(before, await rowCounts(s.h), audited);
                if (changed.length) report('write', changed.join(', '));
              }
              if (ms > SLOW_MS) report('slow', `${ms.toFixed(0)} ms`);
            }
          }
        }
        const known = problems.filter(isKnown);
        if (known.length)
          console.info(
            `API fuzz on ${dialect}: ${known.length} known gaps met:\n` +
              [...new Set(known.map((p) => `  ${p.route} ${p.kind}`))].join('\n'),
          );
        const unknown = problems
          .filter((p) => !isKnown(p))
          .map((p) => `${p.route} as ${p.caller} [${p.mutation}] → ${p.status} ${p.kind}: ${p.detail}`);
        expect([...new Set(unknown)]).toEqual([]);
      },
      Math.max(600_000, RUNS * 20_000),
    );
  });
}
