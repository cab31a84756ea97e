import { z } from 'zod';
import { DOSSIER_STATUSES, type DossierStatus } from '../../shared/dossier/status.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';

/** What anyone holding the code and the verification digits sees: progress and the applicant's masked name. */
export const ZPublicDossier = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  /** "Nguyễn T*** H***": enough for the citizen to recognise the dossier, not enough to learn a name. */
  applicantName: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  resultReady: z.boolean(),
  endedAt: z.string().nullable(),
});
export type TPublicDossier = z.infer<typeof ZPublicDossier>;

/** The first word whole, every later word its first letter then `***`: "Nguyễn Thị Hoa" → "Nguyễn T*** H***". */
export function maskName(name: string): string {
  const [first = '', ...rest] = name.normalize('NFC').trim().split(/\s+/u);
  return [first, ...rest.map((w) => `${Array.from(w)[0] ?? ''}***`)].join(' ');
}

export function presentPublic(d: DossierRow): TPublicDossier {
  return {
    code: d.code,
    procedureName: d.procedure_name,
    status: d.status as DossierStatus,
    applicantName: maskName(d.applicant_name),
    receivedAt: isoOrNull(d.received_at),
    dueAt: isoOrNull(d.due_at),
    resultReady: d.status === 'result_ready',
    endedAt: isoOrNull(d.ended_at),
  };
}
