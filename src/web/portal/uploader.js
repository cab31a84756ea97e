/* global setTimeout */
/**
 * A resumable upload (docs/PORTAL.md, "Uploads"): the file is declared, then sent in chunks with Content-Range.
 * When the link drops, the uploader waits, asks the server where it stopped (GET, the Upload-Offset) and goes on
 * from there, so a 10 MB scan on a weak mobile link never starts over.
 */
import { ApiError, api, putBytes } from '../lib/api.js';

/** Chunks small enough to get through a weak link, well under the server's limit. */
const CHUNK = 256 * 1024;
/** Consecutive failures before giving up (each waits longer: 1, 2, 4… seconds, at most 30). */
const MAX_FAILURES = 8;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {File} file
 * @param {(fraction: number) => void} onProgress
 * @returns {Promise<string>} the upload id, once the server has every byte
 */
export async function uploadFile(file, onProgress) {
  const started = await api('/api/public/uploads', {
    method: 'POST',
    body: { fileName: file.name.slice(0, 200) || 'file', size: file.size },
  });
  const id = String(started.id);
  const chunk = Math.min(CHUNK, Number(started.chunkBytes) || CHUNK);
  let offset = 0;
  let failures = 0;
  while (offset < file.size) {
    const end = Math.min(file.size, offset + chunk);
    try {
      const res = await putBytes(`/api/public/uploads/${id}`, file.slice(offset, end), {
        'Content-Range': `bytes ${offset}-${end - 1}/${file.size}`,
      });
      offset = Number(res.offset);
      failures = 0;
      onProgress(offset / file.size);
    } catch (e) {
      const resumable =
        e instanceof ApiError && (e.isNetwork || e.status === 409 || e.code === 'RATE_LIMITED');
      if (!resumable || ++failures > MAX_FAILURES) throw e;
      await sleep(Math.min(30_000, 1000 * 2 ** (failures - 1)));
      // where did the server stop? (the chunk may have arrived even though its answer was lost)
      offset = Number((await api(`/api/public/uploads/${id}`)).offset);
    }
  }
  return id;
}
