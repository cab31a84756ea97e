/**
 * One legacy import inside its transaction, fed with parsed lines in line order (legacy.source.ts): every line
 * is checked (all of them, always) and, while no line has failed, written. The caller rolls the transaction
 * back when any line failed, so the file is read once and either everything or nothing is imported.
 */
import { todayInVietnam } from '../platform/clock.ts';
import { BatchInserter, type BulkTarget } from './batch-insert.ts';
import type { ParsedDossier, ParsedLine } from './legacy.parse.ts';
import {
  CHILD_UNIT_SLOT,
  DOSSIER_COLUMNS,
  DOSSIER_SLOTS,
  DUE_COLUMNS,
  PG_COLUMN_TYPES,
  SUSPENSION_COLUMNS,
  type ImportContext,
  type Limit,
  type Value,
} from './legacy.rows.ts';
import {
  ensureProcedure,
  existingCodes,
  registerFields,
  resolveUnit,
  type FieldSeen,
  type ResolvedUnit,
  type Trx,
} from './legacy.store.ts';

export interface LineError {
  line: number;
  reason: string;
}

interface Inserters {
  dossiers: BatchInserter;
  dues: BatchInserter;
  suspensions: BatchInserter;
}

/** Adds rows; awaits only when an inserter flushes (the prepared path never returns a promise: no microtask per row). */
async function addAll(inserter: BatchInserter, rows: Value[][]): Promise<void> {
  for (const row of rows) {
    const pending = inserter.add(row);
    if (pending) await pending;
  }
}

export class ImportSession {
  readonly errors: LineError[] = [];
  dossiers = 0;
  skipped = 0;
  readonly proceduresRegistered: string[] = [];
  /** Given unit code → the current commune (null: unknown). */
  readonly units = new Map<string, ResolvedUnit | null>();
  private readonly limits = new Map<string, Limit>();
  private readonly fields = new Map<string, FieldSeen>();
  private readonly codes = new Map<string, number>();
  private readonly trx: Trx;
  private readonly inserters: Inserters;
  private readonly ctx: ImportContext;
  /** Whether the database held dossiers before: only then are codes checked for skipping. */
  private readonly checkExisting: boolean;

  constructor(target: BulkTarget & { db: Trx }, ctx: ImportContext, checkExisting: boolean) {
    this.trx = target.db;
    this.ctx = ctx;
    this.checkExisting = checkExisting;
    this.inserters = {
      dossiers: new BatchInserter(target, 'dossiers', DOSSIER_COLUMNS, 500, PG_COLUMN_TYPES),
      dues: new BatchInserter(target, 'dossier_dues', DUE_COLUMNS, 2000, PG_COLUMN_TYPES),
      suspensions: new BatchInserter(
        target,
        'dossier_suspensions',
        SUSPENSION_COLUMNS,
        2000,
        PG_COLUMN_TYPES,
      ),
    };
  }

  get imported(): number {
    return this.inserters.dossiers.inserted;
  }

  /** Checks a batch of parsed lines, then writes the valid ones while the file is still clean. */
  async batch(lines: ParsedLine[]): Promise<void> {
    const valid: { p: ParsedDossier; unit: ResolvedUnit }[] = [];
    for (const p of lines) {
      const unit = await this.check(p);
      if (unit && p.ok) valid.push({ p, unit });
    }
    if (this.errors.length === 0) await this.write(valid);
  }

  /** Flushes what is queued and registers the fields; call once, after the last batch. */
  async finish(): Promise<number> {
    if (this.errors.length > 0) return 0;
    const { dossiers, dues, suspensions } = this.inserters;
    for (const inserter of [dossiers, dues, suspensions]) await inserter.flush();
    return registerFields(this.trx, this.fields.values(), this.ctx);
  }

  /** Cross-line checks (repeated code, unknown unit); the unit of a valid line. */
  private async check(p: ParsedLine): Promise<ResolvedUnit | null> {
    if (!p.ok) {
      this.errors.push({ line: p.line, reason: p.reason });
      return null;
    }
    const issues: string[] = [];
    const first = this.codes.get(p.code);
    if (first !== undefined) issues.push(`code: "${p.code}" repeats line ${first}`);
    else this.codes.set(p.code, p.line);
    let unit = this.units.get(p.unitCode);
    if (unit === undefined) {
      unit = await resolveUnit(this.trx, p.unitCode, todayInVietnam(this.ctx.now));
      this.units.set(p.unitCode, unit);
    }
    if (unit === null) issues.push(`unitCode: unknown commune "${p.unitCode}"`);
    if (issues.length > 0 || unit === null) {
      this.errors.push({ line: p.line, reason: issues.join('; ') });
      return null;
    }
    this.dossiers += 1;
    this.noteField(p, unit);
    return unit;
  }

  private noteField(p: ParsedDossier, unit: ResolvedUnit): void {
    const key = `${unit.code}\u0000${p.field}`;
    const seen = this.fields.get(key);
    if (!seen)
      this.fields.set(key, {
        unitCode: unit.code,
        provinceCode: unit.provinceCode,
        field: p.field,
        firstLine: p.line,
        minReceivedAt: p.receivedAt,
      });
    else if (p.receivedAt < seen.minReceivedAt) seen.minReceivedAt = p.receivedAt;
  }

  private async limitOf(p: ParsedDossier): Promise<Limit> {
    const known = this.limits.get(p.procedureCode);
    if (known) return known;
    const { limit, registered } = await ensureProcedure(this.trx, this.ctx, {
      code: p.procedureCode,
      name: p.procedureName,
      field: p.field,
    });
    this.limits.set(p.procedureCode, limit);
    if (registered) this.proceduresRegistered.push(p.procedureCode);
    return limit;
  }

  private async write(valid: { p: ParsedDossier; unit: ResolvedUnit }[]): Promise<void> {
    const skip = this.checkExisting
      ? await existingCodes(
          this.trx,
          valid.map((v) => v.p.code),
        )
      : new Set<string>();
    const { dossiers, dues, suspensions } = this.inserters;
    const children: { p: ParsedDossier; unit: ResolvedUnit }[] = [];
    for (const v of valid) {
      if (skip.has(v.p.code)) {
        this.skipped += 1;
        continue;
      }
      const limit = await this.limitOf(v.p);
      const row = v.p.dossier;
      row[DOSSIER_SLOTS.provinceCode] = v.unit.provinceCode;
      row[DOSSIER_SLOTS.unitCode] = v.unit.code;
      row[DOSSIER_SLOTS.limitValue] = limit.value;
      row[DOSSIER_SLOTS.limitUnit] = limit.unit;
      row[DOSSIER_SLOTS.limitCutoff] = limit.cutoff;
      const pending = dossiers.add(row);
      if (pending) await pending;
      children.push(v);
    }
    // Parents before children: foreign keys are checked at once.
    await dossiers.flush();
    for (const { p, unit } of children) {
      for (const row of [...p.dues, ...p.suspensions]) row[CHILD_UNIT_SLOT] = unit.code;
      await addAll(dues, p.dues);
      await addAll(suspensions, p.suspensions);
    }
  }
}
