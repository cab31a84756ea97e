import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Content-addressed files: `<root>/<first 2 hex>/<sha256>`; the same bytes are stored once. */
export class FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid file hash');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Writes the bytes (atomically: temp file then rename) and returns their SHA-256. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    }
    return sha256;
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
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
