import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  CalendarError,
  createCalendar,
  defaultCalendarSpec,
  normalizeSpec,
  type CalendarSpec,
  type WorkingCalendar,
} from '../../shared/calendar/index.ts';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { insertVersion, latestVersion, listVersions } from './calendar.repository.ts';
import { AppError, calendarErrorToAppError } from '../platform/app-error.ts';

export const NATIONAL_SCOPE = 'VN';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZDayEntry = z.object({
  date: ZDate,
  reason: z.string().min(1).max(200),
  source: z.string().max(300).optional().describe('the legal text or notice behind the day'),
});
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Bounds of an override: a year has at most 366 days; the supported years are 1990-2100. */
const DAYS_A_YEAR = 366;
const MAX_OVERRIDE_YEARS = 111;

/** What an administrator may change, for the whole country ('VN') or one province. */
export const ZCalendarOverride = z.object({
  periods: z
    .array(z.object({ start: ZClock, end: ZClock }))
    .min(1)
    .max(4)
    .optional(),
  workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  years: z
    .record(
      z.string().regex(/^\d{4}$/),
      z.object({
        daysOff: z.array(ZDayEntry).max(DAYS_A_YEAR),
        workingDays: z.array(ZDayEntry).max(DAYS_A_YEAR),
        source: z.string().max(500).optional(),
      }),
    )
    .refine((years) => Object.keys(years).length <= MAX_OVERRIDE_YEARS, {
      message: `at most ${MAX_OVERRIDE_YEARS} years`,
    })
    .meta({ maxProperties: MAX_OVERRIDE_YEARS })
    .optional(),
  extraDaysOff: z.array(ZDayEntry).max(DAYS_A_YEAR).optional(),
  extraWorkingDays: z.array(ZDayEntry).max(DAYS_A_YEAR).optional(),
});
export type CalendarOverride = z.infer<typeof ZCalendarOverride>;

/** Applies overrides in order: later ones replace periods, weekdays and whole years, and add extra days. */
export function mergeSpec(base: CalendarSpec, ...overrides: CalendarOverride[]): CalendarSpec {
  let spec: CalendarSpec = { ...base, years: { ...base.years } };
  for (const o of overrides) {
    spec = {
      ...spec,
      periods: o.periods ?? spec.periods,
      workingWeekdays: o.workingWeekdays ?? spec.workingWeekdays,
      years: { ...spec.years, ...(o.years ?? {}) },
      extraDaysOff: [...(spec.extraDaysOff ?? []), ...(o.extraDaysOff ?? [])],
      extraWorkingDays: [...(spec.extraWorkingDays ?? []), ...(o.extraWorkingDays ?? [])],
    };
  }
  return spec;
}

export async function currentOverride(
  db: Kysely<Database>,
  scope: string,
): Promise<{ version: number; override: CalendarOverride }> {
  const row = await latestVersion(db, scope);
  return row
    ? { version: row.version, override: JSON.parse(row.override) as CalendarOverride }
    : { version: 0, override: {} };
}

/**
 * Compiled calendars by the text of the overrides they were made from: the same overrides give the same calendar
 * whichever database, connection or transaction read them, so every intake in a transaction hits the cache and
 * a new saved version simply makes a new key. Bounded: the oldest entry goes past CALENDAR_CACHE_SIZE.
 */
const compiled = new Map<string, WorkingCalendar>();
export const CALENDAR_CACHE_SIZE = 64;

/** How many compiled calendars are held (tests check that the cache does not grow with use). */
export const calendarCacheSize = (): number => compiled.size;

/**
 * The latest override text of each scope, per database, kept for OVERRIDE_CACHE_MS (monotonic time: a cache's
 * age): every intake and action computes a due date, and read the calendar's two rows again each time. Saving a
 * scope's override in this process forgets it at once and keeps it uncached for OVERRIDE_CACHE_MS (a request on
 * PostgreSQL may read the old row until the save commits); another server process's save is seen within that time.
 */
export const OVERRIDE_CACHE_MS = 5_000;
const overrides = new WeakMap<object, Map<string, { text: string; at: number; held: boolean }>>();

function overridesOf(db: Kysely<Database>) {
  const key = db.getExecutor().adapter;
  let map = overrides.get(key);
  if (!map) overrides.set(key, (map = new Map()));
  return map;
}

async function latestOverride(db: Kysely<Database>, scope: string): Promise<string> {
  const map = overridesOf(db);
  const hit = map.get(scope);
  const fresh = hit && performance.now() - hit.at < OVERRIDE_CACHE_MS;
  if (fresh && !hit.held) return hit.text;
  const text = (await latestVersion(db, scope))?.override ?? '{}';
  if (!fresh) map.set(scope, { text, at: performance.now(), held: false });
  return text;
}

function forgetOverride(db: Kysely<Database>, scope: string): void {
  overridesOf(db).set(scope, { text: '{}', at: performance.now(), held: true });
}

/**
 * The calendar in force for a province (national defaults ⊕ national edits ⊕ the province's edits); without a
 * province, the national one.
 */
export async function loadCalendar(db: Kysely<Database>, provinceCode?: string): Promise<WorkingCalendar> {
  const national = await latestOverride(db, NATIONAL_SCOPE);
  const province = provinceCode ? await latestOverride(db, provinceCode) : '{}';
  const key = `${national}\u0000${province}`;
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key); // most recently used last
    compiled.set(key, hit);
    return hit;
  }
  const calendar = createCalendar(
    mergeSpec(
      defaultCalendarSpec(),
      JSON.parse(national) as CalendarOverride,
      JSON.parse(province) as CalendarOverride,
    ),
  );
  compiled.set(key, calendar);
  if (compiled.size > CALENDAR_CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  return calendar;
}

/** Saves a new version of a scope's override (validated by compiling it), audited in the same transaction. */
export async function saveCalendarOverride(
  trx: Kysely<Database>,
  actor: Actor | null,
  scope: string,
  override: CalendarOverride,
  note: string,
  now: number,
): Promise<number> {
  const parsed = ZCalendarOverride.safeParse(override);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), rule: i.code, message: i.message })),
    });
  try {
    normalizeSpec(mergeSpec(defaultCalendarSpec(), parsed.data));
  } catch (e) {
    if (e instanceof CalendarError) throw calendarErrorToAppError(e);
    throw e;
  }
  forgetOverride(trx, scope);
  const previous = await latestVersion(trx, scope);
  const version = (previous?.version ?? 0) + 1;
  await insertVersion(trx, {
    scope,
    version,
    override: JSON.stringify(parsed.data),
    note,
    created_at: now,
    created_by: actor?.username ?? null,
  });
  await appendAudit(
    trx,
    {
      actor,
      action: 'calendar.update',
      targetType: 'calendar',
      targetId: scope,
      provinceCode: scope === NATIONAL_SCOPE ? null : scope,
      details: { version, note, before: previous ? JSON.parse(previous.override) : {}, after: parsed.data },
    },
    now,
  );
  return version;
}

export function calendarHistory(db: Kysely<Database>, scope: string) {
  return listVersions(db, scope);
}

/**
 * The core names its inputs (instant, limit.value, limit.unit…); the API and the CLI name the request's fields
 * (received, limit, unit, cutoff).
 */
export function requestFieldOf(coreField: string): string {
  if (coreField === 'instant' || coreField === 'receivedAt') return 'received';
  if (coreField.startsWith('limit.')) {
    const part = coreField.slice('limit.'.length);
    return part === 'value' ? 'limit' : part;
  }
  return coreField;
}
