import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { auditKeyFile, readAuditKey, useAuditKey } from '../../audit/audit-key.ts';
import {
  auditCheckpoint,
  verifyAgainstCheckpoint,
  verifyAudit,
  type AuditCheckpoint,
} from '../../audit/audit.service.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const USAGE =
  'audit: usage: motcua audit verify [--against CHECKPOINT] | motcua audit checkpoint [--out FILE]';

/**
 * `motcua audit verify [--against FILE]`: checks every chain under the audit key (and, with a checkpoint, that
 * nothing before it changed). `motcua audit checkpoint [--out FILE]`: prints the chains' heads signed with the key,
 * to keep outside the database.
 */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs('audit', args, {
    against: { type: 'string' },
    out: { type: 'string' },
  });
  const sub = positionals[0];
  if (positionals.length !== 1 || (sub !== 'verify' && sub !== 'checkpoint')) throw new CliUsageError(USAGE);
  if ((values.against && sub !== 'verify') || (values.out && sub !== 'checkpoint'))
    throw new CliUsageError(USAGE);
  const config = loadConfig();
  const keyFile = auditKeyFile(config.DATABASE_URL, config.MOTCUA_AUDIT_KEY_FILE);
  if (!keyFile) throw new CliUsageError('audit: an in-memory database has no audit key file');
  let checkpoint: AuditCheckpoint | undefined;
  if (values.against) checkpoint = JSON.parse(readFileSync(values.against, 'utf8')) as AuditCheckpoint;
  const key = readAuditKey(keyFile);
  useAuditKey(key);
  const handle = await connect(config.DATABASE_URL);
  try {
    await migrateToLatest(handle.db, handle.dialect === 'postgres' ? handle.schema : undefined);
    if (sub === 'checkpoint') {
      const text = `${JSON.stringify(await auditCheckpoint(handle.db, io.clock.now(), key), null, 2)}\n`;
      if (values.out) {
        writeFileSync(values.out, text, { mode: 0o600 });
        io.out(`Checkpoint written to ${values.out}; keep it outside this machine.`);
      } else io.out(text);
      return 0;
    }
    const result = await verifyAudit(handle.db, key);
    const problems = [
      ...result.problems,
      ...(checkpoint ? await verifyAgainstCheckpoint(handle.db, checkpoint, key) : []),
    ];
    if (problems.length === 0) {
      const against = checkpoint ? `; unchanged since the checkpoint of ${checkpoint.at}` : '';
      io.out(`Audit log intact: ${result.entries} entries in ${result.chains} chain(s)${against}.`);
      return 0;
    }
    io.err(`Audit log damaged: ${problems.length} problem(s) in ${result.entries} entries.`);
    for (const p of problems) io.err(`  ${p.kind}: ${p.message}`);
    return 1;
  } finally {
    await handle.close();
  }
}
