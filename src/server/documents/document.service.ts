/**
 * Loading what the documents print (inside the caller's tenant scope), building the data, rendering, and the
 * audit entry of each document issued. Rendering happens outside any transaction.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import { authorize } from '../accounts/policy.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { findDossierByCode, listActions, listDues } from '../dossiers/dossier.repository.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { AppError, notFound } from '../platform/app-error.ts';
import type { CatalogComponent } from '../procedures/catalog-data/catalog.types.ts';
import { findProcedure } from '../procedures/procedure.repository.ts';
import type { ProcedureRow } from '../procedures/procedure.table.ts';
import type { DossierTerms } from '../dossiers/dossier.intake.service.ts';
import { getUnit } from '../units/unit.service.ts';
import { COMMUNE_TYPES } from '../units/unit.table.ts';
import {
  buildExtensionData,
  buildReceiptData,
  buildRefusalData,
  buildStopNoticeData,
  buildSupplementRequestData,
  payloadOf,
} from './document.data.ts';
import { buildControlSheetData, buildRegisterData } from './document.sheets.ts';
import {
  DOSSIER_FORMS,
  type DossierDocumentInput,
  type DossierForm,
  type RegisterData,
} from './document.types.ts';
import type { DossierFormJob, FormDataOf } from './document.render.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { displayNamesByUsernames } from '../accounts/account.repository.ts';
import { registerDossiers } from '../dossiers/dossier.repository.ts';

type Db = Kysely<Database>;

/**
 * The most rows a register may have: pdfmake lays out synchronously (~2 ms a row, so 3,000 rows block the
 * server for seconds); Excel is ~10 times cheaper. A month of a large commune is about 2,000 dossiers.
 */
export const MAX_REGISTER_ROWS = { pdf: 3_000, xlsx: 30_000 } as const;

/** The dossier, its actions and dues, its unit and procedure, and the names of assignees: all a form needs. */
export async function loadDossierDocumentInput(
  db: Db,
  actor: Actor,
  code: string,
  publicBaseUrl: string,
  now: number,
): Promise<DossierDocumentInput> {
  const dossier = await findDossierByCode(db, code, scopeOf(actor));
  if (!dossier) throw notFound('dossier', code);
  const actions = await listActions(db, dossier);
  const dues = await listDues(db, dossier);
  const unit = await getUnit(db, dossier.unit_code, { asOf: todayInVietnam(now) });
  const procedure = await findProcedure(db, dossier.procedure_code);
  const usernames = [
    ...new Set(
      actions
        .filter((a) => a.type === 'assign')
        .map((a) => payloadOf(a).assignee)
        .filter((u): u is string => typeof u === 'string'),
    ),
  ];
  // Officers who were assigned this dossier: staff of its commune, or its province.
  const users = await displayNamesByUsernames(db, usernames, {
    kind: 'province',
    provinceCode: dossier.province_code,
  });
  return {
    dossier,
    actions,
    dues: dues.map((x) => ({ setAt: x.set_at, dueAt: x.due_at, reason: x.reason })),
    unit,
    procedure: termsAtIntake(dossier) ?? nationalTerms(procedure),
    people: new Map(users.map((u) => [u.username, u.display_name])),
    publicBaseUrl,
  };
}

/** The fee and components that applied at intake (with the province's override then in force), if recorded. */
function termsAtIntake(dossier: DossierRow): DossierDocumentInput['procedure'] {
  const terms = (JSON.parse(dossier.data) as { terms?: DossierTerms }).terms;
  return terms
    ? { feeAmount: terms.fee.amount, feeText: terms.fee.text, components: terms.components }
    : null;
}

/** A dossier from before intake recorded its terms (or imported): the national entry as it is now. */
function nationalTerms(procedure: ProcedureRow | undefined): DossierDocumentInput['procedure'] {
  return procedure
    ? {
        feeAmount: procedure.fee_amount,
        feeText: procedure.fee_text,
        components: JSON.parse(procedure.components) as CatalogComponent[],
      }
    : null;
}

/** Each dossier form's data builder (throws 409 when the form does not apply); the layout is document.render.ts. */
const BUILDERS: { [F in DossierForm]: (input: DossierDocumentInput) => FormDataOf[F] } = {
  receipt: buildReceiptData,
  supplement: buildSupplementRequestData,
  refusal: buildRefusalData,
  extension: buildExtensionData,
  stop: buildStopNoticeData,
  control: buildControlSheetData,
};

const FILE_STEM: Record<DossierForm, string> = {
  receipt: 'mau-01-tiep-nhan-hen-tra',
  supplement: 'mau-02-yeu-cau-bo-sung',
  refusal: 'mau-03-tu-choi-tiep-nhan',
  extension: 'mau-04-xin-loi-hen-lai',
  stop: 'mau-05-dung-tra-lai-ho-so',
  control: 'mau-06-phieu-kiem-soat',
};

const safe = (s: string): string => s.replace(/[^0-9A-Za-z.-]+/g, '_');

/** What the render worker needs for one form of a dossier, and the file name of the result. */
export function dossierFormJob(
  input: DossierDocumentInput,
  form: DossierForm,
): { job: DossierFormJob; fileName: string } {
  const job = { form, data: BUILDERS[form](input) } as DossierFormJob;
  return { job, fileName: `${FILE_STEM[form]}-${safe(input.dossier.code)}.pdf` };
}

/** The audit entry of a document issued (the slips carry the applicant's name and address). */
export async function auditDocument(
  db: Db,
  actor: Actor,
  d: DossierRow,
  form: DossierForm,
  ip: string,
  now: number,
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: 'document.issue',
        targetType: 'dossier',
        targetId: d.code,
        unitCode: d.unit_code,
        provinceCode: d.province_code,
        ip,
        details: { form: DOSSIER_FORMS[form].number, document: DOSSIER_FORMS[form].file },
      },
      now,
    ),
  );
}

export interface RegisterQuery {
  unitCode: string;
  fromMs: number;
  endMs: number;
  now: number;
  /** More rows than this: 409 RULE_VIOLATION 'register.too_many_rows' (ask for a shorter period). */
  maxRows: number;
}

export interface LoadedRegister {
  data: RegisterData;
  unitCode: string;
  provinceCode: string;
}

const unitIssue = (rule: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: 'unit', rule, message }] });

/** Form 07 data: the commune's dossiers received in [from, to] (local dates), for staff of that commune or above. */
export async function loadRegister(db: Db, actor: Actor, q: RegisterQuery): Promise<LoadedRegister> {
  const unit = await getUnit(db, q.unitCode, { asOf: todayInVietnam(q.now) }).catch(() => {
    throw unitIssue('unit.unknown', `unknown unit "${q.unitCode}"`);
  });
  if (!(COMMUNE_TYPES as readonly string[]).includes(unit.type))
    throw unitIssue('unit.commune', 'the register is kept per commune, ward or special zone');
  authorize(actor, 'reports.read', { provinceCode: unit.provinceCode, unitCode: unit.code });
  const dossiers = await registerDossiers(
    db,
    { kind: 'unit', provinceCode: unit.provinceCode, unitCode: unit.code },
    { fromMs: q.fromMs, endMs: q.endMs },
    q.maxRows + 1,
  );
  if (dossiers.length > q.maxRows)
    throw new AppError('RULE_VIOLATION', {
      params: { rule: 'register.too_many_rows' },
      details: { rule: 'register.too_many_rows', limit: q.maxRows },
    });
  const data = buildRegisterData({ unit, fromMs: q.fromMs, endMs: q.endMs, dossiers, now: q.now });
  return { data, unitCode: unit.code, provinceCode: unit.provinceCode };
}

export async function auditRegister(
  db: Db,
  actor: Actor,
  unitCode: string,
  provinceCode: string,
  details: Record<string, unknown>,
  ip: string,
  now: number,
) {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: 'register.export',
        targetType: 'unit',
        targetId: unitCode,
        unitCode,
        provinceCode,
        ip,
        details,
      },
      now,
    ),
  );
}
