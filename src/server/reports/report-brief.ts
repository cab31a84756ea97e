/**
 * The brief (`--format brief`): the paragraph a provincial inspection report would hold — the unit's profile
 * (the former units merged into it, area, population, ethnic-minority share: from the units feature) and the
 * period's figures — in Vietnamese, English or Russian.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Locale } from '../platform/i18n/locale.ts';
import type { Unit } from '../units/unit.service.ts';
import { briefEn } from './brief.en.ts';
import { nameUnit, onTimeRate, type BriefData } from './brief.format.ts';
import { briefRu } from './brief.ru.ts';
import { briefVi } from './brief.vi.ts';
import { buildPeriodReport, resolveReportUnit } from './period-report.ts';
import { resolvePeriod } from '../platform/period.ts';
import type { PeriodInput, PeriodReport } from './report.types.ts';

const COMPOSERS: Record<Locale, (b: BriefData) => string> = { vi: briefVi, en: briefEn, ru: briefRu };

/** The communes with the highest and lowest early-or-on-time rate (among those that resolved something). */
function ranking(report: PeriodReport): BriefData['ranking'] {
  const rated = (report.byUnit ?? [])
    .filter((u) => u.resolved.total > 0)
    .map((u) => ({ name: nameUnit(u.unit.name), rate: onTimeRate(u), code: u.unit.code }))
    .sort((a, b) => b.rate - a.rate || a.code.localeCompare(b.code));
  const best = rated[0];
  const worst = rated[rated.length - 1];
  return best && worst && rated.length > 1 ? { best, worst } : undefined;
}

export function briefData(report: PeriodReport, unit: Unit, isProvince: boolean): BriefData {
  const formers = unit.formerUnits.map((f) => nameUnit(f.name));
  return {
    unit: nameUnit(unit.name),
    isProvince,
    communeCount: isProvince ? (report.byUnit?.length ?? 0) : formers.length,
    formerUnits: formers,
    areaKm2: unit.areaKm2,
    population: unit.population,
    ethnicMinorityShare: unit.ethnicMinorityShare,
    period: report.period,
    totals: report.totals,
    ranking: isProvince ? ranking(report) : undefined,
  };
}

export function composeBrief(data: BriefData, lang: Locale): string {
  return COMPOSERS[lang](data);
}

export async function reportBrief(
  db: Kysely<Database>,
  input: PeriodInput,
  lang: Locale,
  now: number,
): Promise<string> {
  const period = resolvePeriod(input.from, input.to);
  const target = await resolveReportUnit(db, input.unitCode, now);
  const report = await buildPeriodReport(db, target, period);
  return composeBrief(briefData(report, target.unit, target.isProvince), lang);
}
