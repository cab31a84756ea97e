import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { verifyAudit } from '../../audit/audit.service.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs('audit', args, {});
  if (positionals[0] !== 'verify' || positionals.length > 1)
    throw new CliUsageError('audit: usage: motcua audit verify');
  const handle = await connect(loadConfig().DATABASE_URL);
  try {
    await migrateToLatest(handle.db, handle.dialect === 'postgres' ? handle.schema : undefined);
    const result = await verifyAudit(handle.db);
    if (result.ok) {
      io.out(`Audit log intact: ${result.entries} entries in ${result.chains} chain(s).`);
      return 0;
    }
    io.err(`Audit log damaged: ${result.problems.length} problem(s) in ${result.entries} entries.`);
    for (const p of result.problems) io.err(`  ${p.kind}: ${p.message}`);
    return 1;
  } finally {
    await handle.close();
  }
}
