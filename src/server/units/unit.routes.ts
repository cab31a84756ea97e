import { z } from 'zod';
import type { AppInstance } from '../platform/types.ts';
import { presentUnit } from './unit.presenter.ts';
import { ZErrorBody, ZFindUnitsQuery, ZUnit, ZUnitList, ZUnitParams } from './unit.schemas.ts';
import { findUnits, getUnit, listProvinces } from './unit.service.ts';
import { todayInVietnam } from '../platform/clock.ts';

// `request.server.db` is declared on FastifyInstance by src/server/app.ts.
const tags = ['units'];

/** Public routes of the administrative units (no login needed). Registered by the app under no prefix. */
export async function unitRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/units/:code',
    {
      schema: {
        tags,
        summary: 'One administrative unit by code',
        description:
          'A province (2 digits) or commune (5 digits) in force today. A former commune code that is not itself ' +
          'a current code resolves to the unit it became, marked with resolvedFrom.',
        params: ZUnitParams,
        response: { 200: ZUnit, 400: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request) =>
      presentUnit(
        await getUnit(request.server.db, request.params.code, { asOf: todayInVietnam(app.clock.now()) }),
      ),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Find communes',
        description:
          'Communes, wards and special zones in force today: every one of a province (?province=68), or those ' +
          'whose name or former name contains a text (?q=di linh; accents and case ignored).',
        querystring: ZFindUnitsQuery,
        response: { 200: ZUnitList, 400: ZErrorBody },
      },
    },
    async (request) => {
      const units = await findUnits(request.server.db, {
        ...request.query,
        asOf: todayInVietnam(app.clock.now()),
      });
      return { items: units.map(presentUnit) };
    },
  );

  app.get(
    '/api/provinces',
    {
      schema: {
        tags,
        summary: 'The 34 provinces and centrally-run cities',
        response: { 200: z.object({ items: z.array(ZUnit) }).describe('Provinces by code') },
      },
    },
    async (request) => ({
      items: (await listProvinces(request.server.db, { asOf: todayInVietnam(app.clock.now()) })).map(
        presentUnit,
      ),
    }),
  );
}
