import type { JobRunTable } from '../jobs/job.table.ts';
import type { SharedLimitTable } from '../platform/shared-limits.table.ts';
import type { AttachmentTable } from '../attachments/attachment.table.ts';
import type { CalendarVersionTable } from '../calendar/calendar.table.ts';
import type { SessionTable, StaffFieldTable, UserTable } from '../accounts/account.table.ts';
import type { AuditHeadTable, AuditLogTable } from '../audit/audit.table.ts';
import type {
  DossierActionTable,
  DossierCodeCounterTable,
  DossierDueTable,
  DossierRatingTable,
  DossierSuspensionTable,
  DossierTable,
  IdempotencyKeyTable,
} from '../dossiers/dossier.table.ts';
import type { DossierResultCodeTable, DossierResultTable } from '../results/result.table.ts';
import type { NotificationTable } from '../notifications/notification.table.ts';
import type { SigningCertificateTable } from '../signing/signing.table.ts';
import type { PetitionActionTable, PetitionTable } from '../petitions/petition.table.ts';
import type { PortalUploadTable, ProcedureFormTemplateTable } from '../portal/portal.table.ts';
import type {
  ReceptionExceptionTable,
  ReceptionSlotTable,
  ReceptionTable,
} from '../reception/reception.table.ts';
import type {
  ProcedureOverrideTable,
  ProcedureRoutingTable,
  ProcedureTable,
} from '../procedures/procedure.table.ts';
import type { ReportUnitFieldTable } from '../reports/report.table.ts';
import type { TaskActionTable, TaskTable } from '../tasks/task.table.ts';
import type { UnitChangeSetTable, UnitLineageTable, UnitVersionTable } from '../units/unit.table.ts';

/** The whole database: one interface composed of each feature's tables. */
export interface Database {
  users: UserTable;
  sessions: SessionTable;
  staff_fields: StaffFieldTable;
  unit_change_sets: UnitChangeSetTable;
  unit_versions: UnitVersionTable;
  unit_lineage: UnitLineageTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadTable;
  settings: SettingTable;
  calendar_versions: CalendarVersionTable;
  procedures: ProcedureTable;
  procedure_overrides: ProcedureOverrideTable;
  procedure_routing: ProcedureRoutingTable;
  dossiers: DossierTable;
  attachments: AttachmentTable;
  dossier_actions: DossierActionTable;
  dossier_dues: DossierDueTable;
  dossier_suspensions: DossierSuspensionTable;
  dossier_ratings: DossierRatingTable;
  dossier_code_counters: DossierCodeCounterTable;
  idempotency_keys: IdempotencyKeyTable;
  report_unit_fields: ReportUnitFieldTable;
  petitions: PetitionTable;
  petition_actions: PetitionActionTable;
  receptions: ReceptionTable;
  reception_slots: ReceptionSlotTable;
  reception_exceptions: ReceptionExceptionTable;
  tasks: TaskTable;
  task_actions: TaskActionTable;
  job_runs: JobRunTable;
  shared_limits: SharedLimitTable;
  notifications: NotificationTable;
  dossier_results: DossierResultTable;
  dossier_result_codes: DossierResultCodeTable;
  signing_certificates: SigningCertificateTable;
  portal_uploads: PortalUploadTable;
  procedure_form_templates: ProcedureFormTemplateTable;
}

export interface SettingTable {
  key: string;
  value: string; // JSON
  updated_at: number;
}
