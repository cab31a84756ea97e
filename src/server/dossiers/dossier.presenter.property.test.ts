/**
 * Properties of the officers' dossier answer over generated dossiers (any text, any instants, any transfer
 * records and action payloads): the compiled serialiser writes what zod writes, never a key the schema does not
 * name, and a page presented with one policy per page (presentDossiers) is the page presented dossier by dossier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { CHANNELS, DOSSIER_STATUSES } from '../../shared/dossier/status.ts';
import { ROLES, type Actor } from '../accounts/roles.ts';
import { compileZodSerializer } from '../platform/response-serializer.ts';
import { ZDossier, ZQueueResponse } from './dossier.schemas.ts';
import { presentDossier, presentDossiers } from './dossier.presenter.ts';
import { dossierAbilitiesFor, dossierActionsFor, viewerPolicy } from './dossier.policy.ts';
import type { DossierActionRow, DossierRow } from './dossier.table.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const UNITS = [
  ['68', '25000'],
  ['68', '25015'],
  ['79', '26734'],
] as const;

const text = fc.string({ unit: 'binary', maxLength: 40 }); // lone surrogates, controls, quotes included
const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
// No `__proto__` key: zod's serializer assigns it (the output object's prototype changes, the key is not written),
// the compiled one writes it as the data it is (response-serializer.test.ts shows both).
const record = fc.dictionary(
  text.filter((k) => k !== '__proto__'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 4 },
);

const dossierRow: fc.Arbitrary<DossierRow> = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    code: text,
    status: fc.constantFrom(...DOSSIER_STATUSES),
    channel: fc.constantFrom(...CHANNELS),
    name: text,
    idNumber: maybe(text),
    phone: maybe(text),
    address: maybe(text),
    email: maybe(text),
    instants: fc.array(maybe(instant), { minLength: 7, maxLength: 7 }),
    small: fc.array(maybe(text), { minLength: 4, maxLength: 4 }),
    extensionCount: fc.integer({ min: 0, max: 5 }),
    limitValue: fc.double({ noNaN: true, noDefaultInfinity: true }),
    assignee: fc.option(fc.constantFrom('u1', 'u2', 'u3')),
    transfers: fc.option(
      fc.array(
        fc
          .tuple(record, fc.option(instant), fc.option(fc.oneof(instant, text)))
          .map(([r, sentAt, dueAt]) => ({
            ...r,
            ...(sentAt === null ? {} : { sentAt }),
            ...(dueAt === null ? {} : { dueAt }),
          })),
        { maxLength: 3 },
      ),
    ),
    limitApplied: fc.option(
      fc.record({
        kind: fc.constantFrom('standard', 'area'),
        areaClasses: fc.array(text, { maxLength: 2 }),
        basis: maybe(text),
      }),
    ),
    acceptBy: fc.option(instant),
  })
  .map((g): DossierRow => ({
    id: `id-${g.code}`,
    code: g.code,
    province_code: g.unit[0],
    unit_code: g.unit[1],
    procedure_code: '1.004873',
    procedure_name: g.name,
    field: 'Hộ tịch',
    channel: g.channel,
    applicant_kind: 'person',
    applicant_name: g.name,
    applicant_id_number: g.idNumber,
    applicant_phone: g.phone,
    applicant_address: g.address,
    applicant_email: g.email,
    search_folded: g.name,
    status: g.status,
    received_at: g.instants[0]!,
    due_at: g.instants[1]!,
    clock_stopped_at: g.instants[2]!,
    ended_at: g.instants[3]!,
    end_kind: g.small[0]!,
    outcome: g.small[1]!,
    resolution: g.small[2]!,
    resolution_due_at: null,
    delivered_at: g.instants[4]!,
    extension_count: g.extensionCount,
    assignee_id: g.assignee,
    limit_value: g.limitValue,
    limit_unit: 'working_day',
    limit_cutoff: g.small[3]!,
    source: 'live',
    idempotency_key: null,
    action_count: 0,
    created_at: 0,
    updated_at: 0,
    // a key the presenter never shows: it must not reach the answer
    data: JSON.stringify({
      secretNote: 'CCCD 068090001234',
      ...(g.transfers ? { transfers: g.transfers } : {}),
      ...(g.limitApplied ? { limitApplied: g.limitApplied } : {}),
      ...(g.acceptBy !== null ? { acceptBy: g.acceptBy } : {}),
    }),
    imported_actions: null,
    work_due_at: g.instants[5]!,
  }));

const actionRows: fc.Arbitrary<DossierActionRow[]> = fc.array(
  fc.record({
    dossier_id: fc.constant('d'),
    seq: fc.nat(),
    type: fc.constantFrom('receive', 'assign', 'submit_for_approval', 'transfer'),
    at: instant,
    actor_id: maybe(text),
    actor_name: maybe(text),
    from_status: maybe(text),
    to_status: text,
    payload: record.map((r) => JSON.stringify(r)),
  }),
  { maxLength: 4 },
);

const actor: fc.Arbitrary<Actor> = fc
  .record({ roles: fc.subarray([...ROLES], { minLength: 1 }), unit: fc.constantFrom(...UNITS) })
  .map(({ roles, unit }) => ({
    id: 'u1',
    username: 'viewer',
    displayName: 'Viewer',
    roles,
    provinceCode: unit[0],
    unitCode: unit[1],
  }));

const ASSIGNEES = new Map([
  ['u1', { username: 'chuyenvien.a', name: 'Nguyễn "A" \\ \u2028' }],
  ['u2', { username: 'chuyenvien.b', name: '\ud83d' }],
]);

function both(schema: typeof ZDossier | typeof ZQueueResponse) {
  const zod = zodSerializerCompiler({ schema, method: 'GET', url: '/' } as never);
  const fast = compileZodSerializer(schema);
  if (!fast.compiled) throw new Error(fast.why);
  return { zod, fast: fast.stringify };
}

describe('the dossier answer, over generated dossiers', () => {
  const one = both(ZDossier);
  const page = both(ZQueueResponse);

  it('is written by the compiled serialiser as zod writes it, with no key the schema does not name', () => {
    fc.assert(
      fc.property(dossierRow, actor, fc.option(actionRows), instant, (d, viewer, actions, now) => {
        const timing = { now, calendar: { workingMillisBetween: (a: number, b: number) => b - a } };
        const presented = presentDossier(d, viewer, ASSIGNEES, actions ?? undefined, timing);
        // a presenter's slip: keys it did not whitelist, at every level
        const slipped = {
          ...presented,
          applicantEmail: d.applicant_email,
          applicant: { ...presented.applicant, fullIdNumber: '068090001234' },
          limit: { ...presented.limit, secret: 'x' },
          next: { ...presented.next, secret: 'x' },
          abilities: { ...presented.abilities, secret: true },
        };
        const fast = one.fast(slipped);
        expect(JSON.parse(fast)).toEqual(JSON.parse(one.zod(slipped)));
        expect(JSON.parse(fast)).toEqual(JSON.parse(JSON.stringify(presented)));
        expect(fast).not.toContain('068090001234');
        expect(fast).not.toContain('"secret');
        expect(fast).not.toContain('applicantEmail');
      }),
      { numRuns: RUNS },
    );
  });

  it('a page presented with one policy per page is the page presented dossier by dossier', () => {
    fc.assert(
      fc.property(fc.array(dossierRow, { maxLength: 12 }), actor, (rows, viewer) => {
        const items = presentDossiers(rows, viewer, ASSIGNEES);
        expect(items).toEqual(rows.map((d) => presentDossier(d, viewer, ASSIGNEES)));
        const policy = viewerPolicy(viewer);
        for (const d of rows) {
          const transfers = (JSON.parse(d.data) as { transfers?: unknown[] }).transfers?.length ?? 0;
          expect(policy.actionsFor(d, transfers)).toEqual(dossierActionsFor(viewer, d));
          expect(policy.abilitiesFor(d)).toEqual(dossierAbilitiesFor(viewer, d));
        }
        const body = { items, nextCursor: rows[0]?.code ?? null };
        expect(JSON.parse(page.fast(body))).toEqual(JSON.parse(page.zod(body)));
      }),
      { numRuns: RUNS },
    );
  });
});
