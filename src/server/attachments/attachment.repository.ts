/** All SQL of the scanned components: rows in `attachments`, the files themselves in the file store. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import type { AttachmentRow, NewAttachment } from './attachment.table.ts';

type Db = Kysely<Database>;

export async function insertAttachment(db: Db, row: NewAttachment): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** A dossier's attachments in upload order, inside the caller's scope. */
export function listAttachments(db: Db, dossierId: string, scope: Scope): Promise<AttachmentRow[]> {
  return withinScope(db.selectFrom('attachments').selectAll(), scope)
    .where('dossier_id', '=', dossierId)
    .orderBy('uploaded_at')
    .execute();
}

/** One attachment of a dossier, inside the caller's scope. */
export function findAttachment(
  db: Db,
  dossierId: string,
  id: string,
  scope: Scope,
): Promise<AttachmentRow | undefined> {
  return withinScope(db.selectFrom('attachments').selectAll(), scope)
    .where('id', '=', id)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
}
