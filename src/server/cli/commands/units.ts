import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import { formatImportReport, runUnitsImport } from '../../units/unit.import.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

export async function unitsCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('units', args, {});
  if (positionals[0] !== 'import' || positionals.length > 1)
    throw new CliUsageError('units: usage: motcua units import');
  const handle = await openDatabase(loadConfig(), { clock: io.clock });
  try {
    io.out(formatImportReport(await runUnitsImport(handle.db, { now: io.clock.now() })));
  } finally {
    await handle.close();
  }
  return 0;
}
