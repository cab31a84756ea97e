/** `motcua import dossiers FILE.jsonl`: the legacy dossier import (docs/REPORTS.md). */
import { existsSync, statSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import { openImportDatabase } from '../../legacy/legacy.connection.ts';
import { formatImportResult, importLegacyDossiers } from '../../legacy/legacy.import.ts';
import { progressBar } from '../../legacy/progress.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const USAGE = 'import: usage: motcua import dossiers FILE.jsonl';

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('import', args, {});
  const [what, file, ...rest] = positionals;
  if (what !== 'dossiers' || !file || rest.length > 0) throw new CliUsageError(USAGE);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliUsageError(`import: no such file: ${file}`);
  const config = loadConfig();
  // Migrations and reference data (units) first, then the import's own connection (SQLite: prepared statements).
  await (await openDatabase(config, { log: io.err, clock: io.clock })).close();
  const handle = await openImportDatabase(config.DATABASE_URL);
  const bar = progressBar(process.stderr, 'import');
  try {
    const result = await importLegacyDossiers(handle.db, file, {
      now: io.clock.now(),
      sqlite: handle.sqlite,
      onProgress: (p) => bar.update(p),
    });
    bar.done();
    const lines = formatImportResult(result);
    for (const line of lines) (result.status === 'imported' ? io.out : io.err)(line);
    return result.status === 'imported' ? 0 : 1;
  } finally {
    await handle.close();
  }
}
