import { z } from 'zod';
import { CalendarError, formatInstant, parseInstant, type LimitUnit } from '../../shared/calendar/index.ts';
import { authorize } from '../accounts/policy.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import {
  requestFieldOf,
  calendarHistory,
  currentOverride,
  loadCalendar,
  NATIONAL_SCOPE,
  saveCalendarOverride,
} from './calendar.service.ts';
import {
  ZCalendarUpdate,
  ZCalendarYear,
  ZCalendarYearParams,
  ZDueRequest,
  ZDueResponse,
  ZProvinceParam,
} from './calendar.schemas.ts';
import { yearSummary } from './calendar.presenter.ts';

/** The core names its inputs; the API names the request's fields (the error handler makes it a 400). */
const rethrow = (e: unknown): never => {
  if (!(e instanceof CalendarError)) throw e;
  throw new CalendarError(e.code, requestFieldOf(e.field), e.rule);
};

export async function calendarRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/calendar/:province/:year',
    { schema: { tags: ['calendar'], params: ZCalendarYearParams, response: { 200: ZCalendarYear } } },
    async (request) => {
      const { province, year } = request.params;
      const calendar = await loadCalendar(app.db, province === NATIONAL_SCOPE ? undefined : province);
      return yearSummary(calendar, province, year);
    },
  );

  app.post(
    '/api/calendar/due',
    { schema: { tags: ['calendar'], body: ZDueRequest, response: { 200: ZDueResponse } } },
    async (request) => {
      const { received, limit, unit, province, cutoff } = request.body;
      try {
        const calendar = await loadCalendar(app.db, province);
        const due = calendar.due(parseInstant(received), { value: limit, unit: unit as LimitUnit, cutoff });
        return { due: formatInstant(due, calendar.utcOffsetMinutes) };
      } catch (e) {
        return rethrow(e);
      }
    },
  );

  app.get(
    '/api/calendar/:province',
    {
      schema: {
        tags: ['calendar'],
        params: z.object({ province: ZProvinceParam }),
        response: {
          200: z.object({
            scope: z.string(),
            version: z.number(),
            override: z.unknown(),
            history: z.array(
              z.object({
                version: z.number(),
                note: z.string(),
                createdAt: z.string(),
                createdBy: z
                  .string()
                  .nullable()
                  .describe("the editor's username: for the province's own officers and system admins only"),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = request.params.province;
      const current = await currentOverride(app.db, scope);
      const history = await calendarHistory(app.db, scope);
      // Any officer may read a calendar (deadlines cross provinces), but who edited it is said only to the province's
      // own officers and to system admins: another province's usernames are not theirs to collect.
      const namesEditors = actor.roles.includes('system_admin') || actor.provinceCode === scope;
      return {
        scope,
        version: current.version,
        override: current.override,
        history: history.map((h) => ({
          version: h.version,
          note: h.note,
          createdAt: new Date(h.created_at).toISOString(),
          createdBy: namesEditors ? h.created_by : null,
        })),
      };
    },
  );

  app.put(
    '/api/calendar/:province',
    {
      schema: {
        tags: ['calendar'],
        params: z.object({ province: ZProvinceParam }),
        body: ZCalendarUpdate,
        response: { 200: z.object({ scope: z.string(), version: z.number() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = request.params.province;
      authorize(actor, 'calendar.edit', { provinceCode: scope, unitCode: '' });
      const version = await app.db
        .transaction()
        .execute((trx) =>
          saveCalendarOverride(trx, actor, scope, request.body.override, request.body.note, app.clock.now()),
        );
      return { scope, version };
    },
  );
}
