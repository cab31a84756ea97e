import { isPublicRoute } from '../../src/server/accounts/public-routes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/server/accounts/roles.ts';
import { DIALECTS } from '../support/db.ts';
import {
  casesOf,
  PLACES,
  reaches,
  anyone,
  ROUTE_POLICY,
  type Caller,
  type Place,
  type RouteCase,
} from './route-policy.ts';
import { actorName, changedTables, openTenants, rowCounts, type Tenants } from './tenants.ts';

/**
 * The authorisation matrix: every route the app registers (its onRoute table), called by every role and
 * anonymously, on a target in the caller's commune, in another commune of its province and in another province,
 * must answer as the policy table (route-policy.ts) says: allowed (2xx, or a 4xx of validation, conflict or
 * rule: the caller got past the checks), 401 for an anonymous caller it refuses, 403 or 404 for an officer it
 * refuses; never a 5xx. A refusal writes nothing but its audit entry, a GET's HEAD twin answers an anonymous caller
 * alike, and a 2xx to an officer never carries an identifier of a tenant outside their reach.
 * Who may manage which account (finding 1) is checked role against role in
 * src/server/accounts/account.manage.matrix.test.ts; here the account routes are checked for scope.
 */

/**
 * Mismatches that are known, each with its finding; the work that fixes it removes the line. A gap that no longer
 * occurs fails the matrix, so the allowance does not outlive it.
 */
const KNOWN_GAPS: { route: string; caller: Caller; finding: string }[] = [];

const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];
type Outcome = 'allowed' | 'unauthenticated' | 'denied' | 'server error';

function outcomeOf(status: number): Outcome {
  if (status >= 500) return 'server error';
  if (status === 401) return 'unauthenticated';
  return status === 403 || status === 404 ? 'denied' : 'allowed';
}

const expectedOf = (c: RouteCase, caller: Caller, place: Place): Outcome =>
  c.who(caller, place) ? 'allowed' : caller === 'anonymous' ? 'unauthenticated' : 'denied';

for (const dialect of DIALECTS) {
  describe(`authorisation matrix on ${dialect}`, () => {
    let s: Tenants;
    const gapsSeen = new Set<string>();
    beforeAll(async () => {
      s = await openTenants(dialect);
    }, 120_000);
    afterAll(async () => s?.h.close());

    /** Identifiers of the tenants a caller may not see. */
    const hiddenFrom = (caller: Caller): string[] =>
      caller === 'anonymous'
        ? []
        : PLACES.filter((p) => !reaches(caller, p)).flatMap((p) => {
            const t = s.targets[p];
            return [t.dossier, t.petition, t.denunciation, t.task, t.reception, t.user, t.person];
          });

    it('answers an anonymous caller 401 before checking its input, on every route that is not public', async () => {
      const problems: string[] = [];
      for (const [route, entry] of Object.entries(ROUTE_POLICY)) {
        const [method, template] = route.split(' ') as [string, string];
        const isPublic = casesOf(entry).some((c) => c.who('anonymous', 'own'));
        if (isPublicRoute(method, template) !== isPublic)
          problems.push(`${route}: public in the policy table ${isPublic}, on the server ${!isPublic}`);
        if (isPublic || !template.startsWith('/api/')) continue;
        // Every parameter, query and body field wrong: a route that validated first would answer 400.
        const params = Object.fromEntries(
          [...template.matchAll(/:([A-Za-z]+)/g)].map((m) => [m[1], '%00bad']),
        );
        const sample = {
          params,
          query: { unit: 'not-a-unit', limit: '-1' },
          body: { type: 42, unexpected: [] },
        };
        const res = await s.send(
          method,
          template,
          method === 'GET' ? { ...sample, body: undefined } : sample,
        );
        if (res.statusCode !== 401)
          problems.push(`${route}: anonymous with invalid input got ${res.statusCode}`);
      }
      expect(problems).toEqual([]);
    });

    it('every route has an entry in the policy table, and every entry a route', () => {
      const registered = s.h.app.routeTable.map((r) => `${r.method} ${r.url}`);
      const routes = new Set(registered.filter((r) => !r.startsWith('HEAD ')));
      const problems = [
        ...[...routes]
          .filter((r) => !(r in ROUTE_POLICY))
          .map((r) => `route ${r} has no entry in the policy table (test/security/route-policy.ts)`),
        ...Object.keys(ROUTE_POLICY)
          .filter((r) => !routes.has(r))
          .map((r) => `the policy table's entry ${r} has no route`),
        // HEAD routes are Fastify's twins of GET routes (same handler, also under a trailing slash): they share the
        // GET route's entry.
        ...registered
          .filter((r) => r.startsWith('HEAD ') && !routes.has(`GET ${r.slice(5).replace(/(.)\/$/, '$1')}`))
          .map((r) => `route ${r} has no GET twin`),
      ];
      expect(problems).toEqual([]);
      expect(routes.size).toBeGreaterThan(40);
    });

    for (const [route, entry] of Object.entries(ROUTE_POLICY)) {
      it(route, async () => {
        const [method, template] = route.split(' ') as [string, string];
        const problems: string[] = [];
        let seq = 0;
        for (const c of casesOf(entry))
          for (const caller of CALLERS)
            for (const place of c.placed ? PLACES : (['own'] as const)) {
              const sample = c.sample({ at: s.targets[place], seq: ++seq });
              const cookie =
                caller === 'anonymous'
                  ? undefined
                  : c.freshSession
                    ? await s.h.login(actorName(caller))
                    : s.cookies.get(caller);
              const expected = expectedOf(c, caller, place);
              const before = expected === 'allowed' ? undefined : await rowCounts(s.h);
              const res = await s.send(method, template, sample, cookie);
              const got = outcomeOf(res.statusCode);
              const where = `${c.label ? `[${c.label}] ` : ''}${caller} at ${place}`;
              // A refusal writes nothing but its audit entry.
              const changed =
                before && got !== 'allowed' ? changedTables(before, await rowCounts(s.h), true) : [];
              if (changed.length)
                problems.push(`${where}: refused (${res.statusCode}) but wrote ${changed.join(', ')}`);
              // Fastify's HEAD twin of a GET route answers an anonymous caller alike.
              if (method === 'GET' && caller === 'anonymous') {
                const head = await s.send('HEAD', template, sample);
                if (outcomeOf(head.statusCode) !== got)
                  problems.push(`${where}: HEAD answered ${head.statusCode}, GET ${res.statusCode}`);
              }
              if (got !== expected) {
                const gap = KNOWN_GAPS.find((g) => g.route === route && g.caller === caller);
                if (gap && got !== 'server error') gapsSeen.add(`${route} ${caller}`);
                else
                  problems.push(
                    `${where}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
                  );
              }
              if (got === 'allowed' && c.who !== anyone && res.statusCode < 300) {
                const leaked = hiddenFrom(caller).filter((id) => res.body.includes(id));
                if (leaked.length) problems.push(`${where}: the answer names ${leaked.join(', ')}`);
              }
            }
        expect(problems).toEqual([]);
      });
    }

    it('every known gap still occurs (remove the allowance of a fixed one)', () => {
      const stale = KNOWN_GAPS.filter((g) => !gapsSeen.has(`${g.route} ${g.caller}`)).map(
        (g) => `${g.route} for ${g.caller} (${g.finding}) answers as the policy table says now`,
      );
      expect(stale).toEqual([]);
    });
  });
}
