import { createHash, randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError, isStorageFull, storageFull } from '../platform/app-error.ts';

/** The file operations the store uses: Node's by default; tests pass one that fails (a full disk). */
export interface StoreFileSystem {
  stat(path: string): Promise<unknown>;
  mkdir(path: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  writeFile(path: string, data: Buffer, options: { flag: 'wx'; mode: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  readFile(path: string): Promise<Buffer>;
}

export const nodeFileSystem: StoreFileSystem = {
  stat: (path) => fsp.stat(path),
  mkdir: (path, options) => fsp.mkdir(path, options),
  writeFile: (path, data, options) => fsp.writeFile(path, data, options),
  rename: (from, to) => fsp.rename(from, to),
  rm: (path, options) => fsp.rm(path, options),
  readFile: (path) => fsp.readFile(path),
};

/** Content-addressed files: `<root>/<first 2 hex>/<sha256>`; the same bytes are stored once. */
export class FileStore {
  readonly root: string;
  private readonly fs: StoreFileSystem;

  constructor(root: string, fs: StoreFileSystem = nodeFileSystem) {
    this.root = resolve(root);
    this.fs = fs;
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid file hash');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Writes the bytes (atomically: temp file then rename) and returns their SHA-256. A failed write leaves no partial
   * file behind; a full disk or quota (ENOSPC, EDQUOT) is a 503 STORAGE_FULL.
   */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    const exists = await this.fs.stat(path).then(
      () => true,
      () => false,
    );
    if (exists) return sha256;
    const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await this.fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await this.fs.writeFile(temp, bytes, { flag: 'wx', mode: 0o600 });
      await this.fs.rename(temp, path);
    } catch (e) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined);
      throw isStorageFull(e) ? storageFull(e) : e;
    }
    return sha256;
  }

  /** The file's bytes; 410 FILE_MISSING when its row exists but the file is gone from the disk. */
  async get(sha256: string): Promise<Buffer> {
    try {
      return await this.fs.readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('FILE_MISSING', { cause: e, details: { sha256 } });
      throw e;
    }
  }
}

/** The media type from the file's first bytes (never from its name or the client's header). */
export function sniffMediaType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}
