/**
 * The files of an online submission: finished uploads become the dossier's attachments in the submission's
 * transaction (the upload rows deleted in it too, so a file is never attached twice); the part files are removed
 * after the commit. Checked again here: complete, PDF/JPEG/PNG by content, and the dossier's total size.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import type { FileStore } from '../attachments/file-store.ts';
import { insertAttachment } from '../attachments/attachment.repository.ts';
import { sniffMediaType } from '../attachments/file-store.ts';
import { MAX, UPLOAD } from '../../shared/limits.ts';
import { PLAIN_LINE } from '../platform/validation.ts';
import { fileRefused, findUpload, readFinished, removePartFile } from './portal.upload.repository.ts';

export const ZSubmissionFile = z.object({
  uploadId: z.string().uuid(),
  component: z
    .string()
    .min(1)
    .max(MAX.listItem)
    .refine(...PLAIN_LINE)
    .describe('The component (thành phần hồ sơ) this file is'),
});

export async function attachUploads(
  trx: Kysely<Database>,
  store: FileStore,
  d: Pick<DossierRow, 'id' | 'province_code' | 'unit_code'>,
  files: z.infer<typeof ZSubmissionFile>[],
  now: number,
): Promise<string[]> {
  const ids = files.map((f) => f.uploadId);
  let total = 0;
  for (const [i, f] of files.entries()) {
    const path = `files.${i}.uploadId`;
    if (ids.indexOf(f.uploadId) !== i) throw fileRefused(path, 'upload.duplicate', '');
    const upload = await findUpload(trx, f.uploadId);
    if (!upload) throw fileRefused(path, 'upload.unknown', '');
    total += upload.size;
    if (total > UPLOAD.dossierBytes) throw fileRefused('files', 'upload.dossierTooLarge', upload.file_name);
    const bytes = await readFinished(store.root, upload, path);
    const sha256 = await store.put(bytes);
    await insertAttachment(trx, {
      id: randomUUID(),
      dossier_id: d.id,
      province_code: d.province_code,
      unit_code: d.unit_code,
      component: f.component.normalize('NFC'),
      file_name: upload.file_name,
      media_type: sniffMediaType(bytes) ?? 'application/octet-stream',
      size: bytes.length,
      sha256,
      uploaded_at: now,
      uploaded_by: null, // the applicant, online
    });
    await trx.deleteFrom('portal_uploads').where('id', '=', upload.id).execute();
  }
  return ids;
}

/** After the commit: the part files of the uploads a submission took. */
export async function removeParts(filesRoot: string, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => removePartFile(filesRoot, id).catch(() => undefined)));
}
