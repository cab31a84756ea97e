/**
 * Resumable uploads of a citizen's files (docs/PORTAL.md, "Uploads"): declared with a name and a size, sent in
 * chunks with Content-Range, each chunk starting exactly where the server stopped, so a dropped mobile link resumes
 * where it broke (ask the offset with HEAD). The first chunk's bytes decide the type (PDF, JPEG or PNG, never the
 * name or the client's header). The bytes wait in a part file under the file store until a submission takes them.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';
import { sniffMediaType } from '../attachments/file-store.ts';
import { UPLOAD } from '../../shared/limits.ts';
import type { PortalUploadRow } from './portal.table.ts';

type Db = Kysely<Database>;

/** Where part files live: a folder of the file store's root (never a path from the client: ids are UUIDs). */
export const partsDir = (filesRoot: string): string => join(filesRoot, '.uploads');
const partPath = (filesRoot: string, id: string): string => {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('invalid upload id');
  return join(partsDir(filesRoot), id);
};

/** A file name as shown to officers: NFC, no path or quote characters, at most 200 characters. */
export const cleanFileName = (name: string): string =>
  name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\\/"\u0000-\u001f\u007f]/g, '_')
    .slice(0, 200);

const num = (row: PortalUploadRow): PortalUploadRow => ({
  ...row,
  size: Number(row.size),
  received: Number(row.received),
  created_at: Number(row.created_at),
  updated_at: Number(row.updated_at),
});

/** VALIDATION_FAILED naming the file (its declared name in `details.fileName`) and the rule. */
export const fileRefused = (path: string, rule: string, fileName: string): AppError =>
  new AppError('VALIDATION_FAILED', {
    issues: [{ path, rule, message: `@${rule}` }],
    details: { fileName },
  });

export async function findUpload(db: Db, id: string): Promise<PortalUploadRow | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const row = await db.selectFrom('portal_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  return row && num(row);
}

/** Deletes uploads older than UPLOAD.keepMs (rows and part files); called when a new upload starts. */
export async function sweepUploads(db: Db, filesRoot: string, now: number): Promise<number> {
  const old = await db
    .selectFrom('portal_uploads')
    .select('id')
    .where('created_at', '<', now - UPLOAD.keepMs)
    .limit(500)
    .execute();
  if (!old.length) return 0;
  await db
    .deleteFrom('portal_uploads')
    .where(
      'id',
      'in',
      old.map((r) => r.id),
    )
    .execute();
  await Promise.all(old.map((r) => rm(partPath(filesRoot, r.id), { force: true })));
  return old.length;
}

/** Starts an upload: the declared name and size (at most UPLOAD.fileBytes). */
export async function createUpload(
  db: Db,
  filesRoot: string,
  input: { fileName: string; size: number },
  ip: string,
  now: number,
): Promise<PortalUploadRow> {
  const fileName = cleanFileName(input.fileName);
  if (input.size > UPLOAD.fileBytes) throw fileRefused('size', 'upload.fileTooLarge', fileName);
  await sweepUploads(db, filesRoot, now);
  // What one address may keep waiting on the disk: two dossiers' worth (part files live until taken or swept).
  const pending = await db
    .selectFrom('portal_uploads')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('bytes'))
    .where('ip', '=', ip)
    .executeTakeFirst();
  if (Number(pending?.bytes ?? 0) + input.size > UPLOAD.pendingBytesPerAddress)
    throw fileRefused('size', 'upload.pendingTooLarge', fileName);
  const row: PortalUploadRow = {
    id: randomUUID(),
    file_name: fileName,
    size: input.size,
    received: 0,
    media_type: null,
    ip,
    created_at: now,
    updated_at: now,
  };
  await mkdir(partsDir(filesRoot), { recursive: true, mode: 0o700 });
  await db.insertInto('portal_uploads').values(row).execute();
  return row;
}

/** `bytes first-last/total` → numbers; null when malformed. */
export function parseContentRange(
  header: string | undefined,
): { first: number; last: number; total: number } | null {
  const m = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header?.trim() ?? '');
  if (!m) return null;
  const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return first <= last && last < total ? { first, last, total } : null;
}

/**
 * Stores one chunk. It must start at the offset already received (409 with `details.offset` otherwise: the client
 * asks again and resumes from there), match its Content-Range and the declared size; the first chunk is checked
 * for the PDF, JPEG or PNG signature (a file of another type is refused and forgotten at once).
 */
export async function putChunk(
  db: Db,
  filesRoot: string,
  upload: PortalUploadRow,
  range: string | undefined,
  bytes: Buffer,
  now: number,
): Promise<PortalUploadRow> {
  const name = upload.file_name;
  if (bytes.length > UPLOAD.chunkBytes) throw fileRefused('(body)', 'upload.chunkTooLarge', name);
  const r = parseContentRange(range);
  if (!r || r.total !== upload.size || r.last - r.first + 1 !== bytes.length)
    throw fileRefused('content-range', 'upload.range', name);
  if (r.first !== upload.received)
    throw new AppError('CONFLICT', {
      params: { reason: 'offset' },
      details: { offset: upload.received, rule: 'upload.offset' },
    });
  let mediaType = upload.media_type;
  if (r.first === 0) {
    if (bytes.length < Math.min(8, upload.size)) throw fileRefused('(body)', 'upload.firstChunk', name);
    mediaType = sniffMediaType(bytes);
    if (!mediaType) {
      await discardUpload(db, filesRoot, upload.id);
      throw fileRefused('(body)', 'file.type', name);
    }
  }
  // Claim the range first (a concurrent chunk at the same offset loses here), then write it at its position.
  const claimed = await db
    .updateTable('portal_uploads')
    .set({ received: r.last + 1, media_type: mediaType, updated_at: now })
    .where('id', '=', upload.id)
    .where('received', '=', r.first)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1)
    throw new AppError('CONFLICT', { params: { reason: 'offset' }, details: { rule: 'upload.offset' } });
  try {
    const fh = await open(partPath(filesRoot, upload.id), r.first === 0 ? 'w' : 'r+', 0o600);
    try {
      await fh.write(bytes, 0, bytes.length, r.first);
    } finally {
      await fh.close();
    }
  } catch (e) {
    await db.updateTable('portal_uploads').set({ received: r.first }).where('id', '=', upload.id).execute();
    throw e;
  }
  return { ...upload, received: r.last + 1, media_type: mediaType, updated_at: now };
}

/** The bytes of a finished upload, checked again by content. */
export async function readFinished(
  filesRoot: string,
  upload: PortalUploadRow,
  path: string,
): Promise<Buffer> {
  if (upload.received !== upload.size) throw fileRefused(path, 'upload.incomplete', upload.file_name);
  const bytes = await readFile(partPath(filesRoot, upload.id));
  if (bytes.length !== upload.size || !sniffMediaType(bytes))
    throw fileRefused(path, 'file.type', upload.file_name);
  return bytes;
}

export async function discardUpload(db: Db, filesRoot: string, id: string): Promise<void> {
  await db.deleteFrom('portal_uploads').where('id', '=', id).execute();
  await rm(partPath(filesRoot, id), { force: true });
}

export const removePartFile = (filesRoot: string, id: string): Promise<void> =>
  rm(partPath(filesRoot, id), { force: true });
