/**
 * A look at a zip file's central directory before anything inflates it (an .xlsx is a zip): how many entries,
 * how large they say they are once inflated, and how hard they are compressed. Refuses zip bombs (a few KB that
 * inflate to gigabytes) and files that are not zips at all, without decompressing a byte. The sizes are the
 * ones the archive declares; the parse that follows runs in a render worker with a heap and time limit, so an
 * archive that lies about them is stopped there.
 *
 * Format: PKWARE APPNOTE.TXT, sections 4.3.12 (central directory header) and 4.3.16 (end of central directory).
 */
import { AppError, invalidField } from './app-error.ts';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes, in bytes. */
  maxUnzippedBytes: number;
  /** Number of entries. */
  maxEntries: number;
  /** Uncompressed / compressed size of one entry, checked for entries of 1 MB or more. */
  maxRatio: number;
}

export const XLSX_LIMITS: ZipLimits = {
  maxUnzippedBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxRatio: 200,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipVerdict =
  { ok: true; entries: ZipEntry[]; unzippedBytes: number } | { ok: false; rule: ZipRule; detail: string };

/** Why a file is refused: the first three are not zips we can read (400), the last three are bombs (413). */
export type ZipRule =
  'zip.malformed' | 'zip.zip64' | 'zip.encrypted' | 'zip.too_many_entries' | 'zip.too_large' | 'zip.ratio';

export const ZIP_BOMB_RULES: readonly ZipRule[] = ['zip.too_many_entries', 'zip.too_large', 'zip.ratio'];

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;
const RATIO_FLOOR_BYTES = 1024 * 1024;

const refuse = (rule: ZipRule, detail: string): ZipVerdict => ({ ok: false, rule, detail });

/** The end-of-central-directory record: the last one in the file (its comment is at most 65,535 bytes). */
function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SIZE - 0xffff);
  for (let i = buf.length - EOCD_SIZE; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export function inspectZip(buf: Buffer, limits: ZipLimits): ZipVerdict {
  if (buf.length < EOCD_SIZE) return refuse('zip.malformed', 'too short for a zip file');
  const eocd = findEocd(buf);
  if (eocd < 0) return refuse('zip.malformed', 'no end of central directory (not a zip, or truncated)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return refuse('zip.zip64', 'ZIP64 archives are not accepted');
  if (count > limits.maxEntries)
    return refuse('zip.too_many_entries', `${count} entries (at most ${limits.maxEntries})`);
  if (cdOffset + cdSize > eocd) return refuse('zip.malformed', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL)
      return refuse('zip.malformed', `central directory entry ${i + 1} is damaged`);
    const flags = buf.readUInt16LE(p + 8);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, Math.min(p + 46 + nameLength, eocd));
    if (flags & 1) return refuse('zip.encrypted', `entry ${name} is encrypted`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      return refuse('zip.zip64', 'ZIP64 archives are not accepted');
    if (localOffset + compressedSize > cdOffset)
      return refuse('zip.malformed', `entry ${name} lies outside the file (truncated?)`);
    total += uncompressedSize;
    if (total > limits.maxUnzippedBytes)
      return refuse('zip.too_large', `more than ${limits.maxUnzippedBytes} bytes once unzipped`);
    if (uncompressedSize >= RATIO_FLOOR_BYTES && uncompressedSize > compressedSize * limits.maxRatio)
      return refuse('zip.ratio', `entry ${name} is compressed more than ${limits.maxRatio} times`);
    entries.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, unzippedBytes: total };
}

/**
 * An uploaded .xlsx, before exceljs sees it: 413 ARCHIVE_TOO_LARGE for a zip bomb, 400 naming `field` for a file
 * that is not a zip (or is truncated, or encrypted) or not a workbook.
 */
export function requireXlsx(bytes: Buffer, field: string, limits: ZipLimits = XLSX_LIMITS): void {
  const verdict = inspectZip(bytes, limits);
  if (!verdict.ok && ZIP_BOMB_RULES.includes(verdict.rule))
    throw new AppError('ARCHIVE_TOO_LARGE', {
      params: {
        field,
        megabytes: Math.round(limits.maxUnzippedBytes / 1024 / 1024),
        entries: limits.maxEntries,
        ratio: limits.maxRatio,
      },
      details: { field, rule: verdict.rule, detail: verdict.detail, ...limits },
    });
  if (!verdict.ok) throw invalidField(field, 'file.xlsx_invalid', '@file.xlsx_invalid');
  if (!verdict.entries.some((e) => e.name === 'xl/workbook.xml'))
    throw invalidField(field, 'file.not_workbook', '@file.not_workbook');
}
