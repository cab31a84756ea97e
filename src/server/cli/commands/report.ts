/**
 * `motcua report --unit <code> --from YYYY-MM-DD --to YYYY-MM-DD --format json|xlsx|pdf|brief [--lang vi|en|ru]
 * [--out FILE]`: without --out the report goes to stdout (for json nothing but the JSON). Bad arguments, an
 * unknown unit or a bad period: exit 2 with a one-line reason on stderr.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import type { DbHandle } from '../../db/connect.ts';
import { openDatabase } from '../../bootstrap.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { AppError } from '../../platform/app-error.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locale.ts';
import { buildPeriodReport, resolveReportUnit } from '../../reports/period-report.ts';
import { briefData, composeBrief } from '../../reports/report-brief.ts';
import { resolvePeriod } from '../../platform/period.ts';
import { periodReportPdf } from '../../reports/report-pdf.ts';
import { periodReportXlsx } from '../../reports/report-xlsx.ts';
import { parseCommandArgs, requireString } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const FORMATS = ['json', 'xlsx', 'pdf', 'brief'] as const;
type Format = (typeof FORMATS)[number];

export interface ReportCommandDeps {
  /** The database (tests); default: DATABASE_URL, migrated. */
  open?: () => Promise<DbHandle>;
  /** Where binary output goes without --out; default: process.stdout. */
  writeBytes?: (bytes: Buffer) => void;
}

interface ReportArgs {
  unit: string;
  from: string;
  to: string;
  format: Format;
  lang: Locale;
  out?: string;
}

function parse(args: string[]): ReportArgs {
  const { values, positionals } = parseCommandArgs('report', args, {
    unit: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string', default: 'json' },
    lang: { type: 'string', default: 'vi' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliUsageError(`report: unexpected argument "${positionals[0]}"`);
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new CliUsageError(`report: --format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  const lang = values.lang as string;
  if (!(LOCALES as readonly string[]).includes(lang))
    throw new CliUsageError(`report: --lang must be one of ${LOCALES.join(', ')}, got "${lang}"`);
  return {
    unit: requireString('report', 'unit', values.unit),
    from: requireString('report', 'from', values.from),
    to: requireString('report', 'to', values.to),
    format: format as Format,
    lang: lang as Locale,
    out: values.out,
  };
}

/** A validation error of the report (period, unit) as a one-line usage error naming the option. */
function asUsage(e: unknown, a: ReportArgs): unknown {
  if (!(e instanceof AppError) || e.code !== 'VALIDATION_FAILED') return e;
  const issue = e.issues[0];
  const path = issue?.path ?? 'arguments';
  const message = issue?.message.startsWith('@') ? translate('en', issue.message.slice(1)) : issue?.message;
  const given = path === 'from' || path === 'to' ? ` (${a.from}..${a.to})` : '';
  return new CliUsageError(`report: --${path}: ${message ?? 'invalid'}${given}`);
}

async function render(handle: DbHandle, a: ReportArgs, now: number): Promise<string | Buffer> {
  const period = resolvePeriod(a.from, a.to);
  const target = await resolveReportUnit(handle.db, a.unit, now);
  const report = await buildPeriodReport(handle.db, target, period);
  if (a.format === 'xlsx') return periodReportXlsx(report, now);
  if (a.format === 'pdf') return periodReportPdf(report);
  if (a.format === 'brief') return composeBrief(briefData(report, target.unit, target.isProvince), a.lang);
  return JSON.stringify(report, null, 2);
}

export async function reportCommand(
  args: string[],
  io: CliIo,
  deps: ReportCommandDeps = {},
): Promise<number> {
  const a = parse(args);
  try {
    resolvePeriod(a.from, a.to);
  } catch (e) {
    throw asUsage(e, a);
  }
  const handle = await (deps.open ?? (() => openDatabase(loadConfig(), { log: io.err, clock: io.clock })))();
  let output: string | Buffer;
  try {
    output = await render(handle, a, io.clock.now());
  } catch (e) {
    throw asUsage(e, a);
  } finally {
    await handle.close();
  }
  if (a.out) {
    writeFileSync(a.out, typeof output === 'string' ? `${output}\n` : output);
    io.err(`report written to ${a.out}`);
  } else if (typeof output === 'string') io.out(output);
  else (deps.writeBytes ?? ((b: Buffer) => process.stdout.write(b)))(output);
  return 0;
}
