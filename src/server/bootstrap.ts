/**
 * Start-up wiring, the one place that puts the layers together before the server or a command runs: connect
 * (db/), apply pending migrations, then load the reference data a fresh database needs (the administrative
 * units and the built-in procedure catalog). db/ itself only connects, migrates and knows dialects.
 */
import type { AppConfig } from './config.ts';
import { connect, type DbHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { refreshStatisticsAfterMigration } from './db/statistics.ts';
import { ensureReferenceData } from './demo/reference-data.ts';
import type { Clock } from './platform/clock.ts';
import { auditKeyFile, ephemeralAuditKey, loadOrCreateAuditKey, useAuditKey } from './audit/audit-key.ts';
import { listChainHeads } from './audit/audit.repository.ts';
import { resolveSigningKey, useSigningKey } from './signing/signing-key.ts';
import { readRootsBundle, useTrustedRoots } from './signing/trusted-roots.ts';
import { useConfiguredSigners } from './signing/signer-registry.ts';
import { configuredSigners, readSignersFile } from './signing/signers-config.ts';

export interface OpenOptions {
  /** The instant recorded on reference data loaded now. */
  clock: Clock;
  /** Print progress lines (CLI). */
  log?: (line: string) => void;
}

/**
 * Connects, applies pending migrations, loads the audit key (creating it, mode 0600, at first start), the signing
 * key and trusted roots (if configured) and the reference data (units, catalog) if missing.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'MOTCUA_AUDIT_KEY_FILE'> &
    Partial<
      Pick<
        AppConfig,
        | 'MOTCUA_SIGNING_KEY'
        | 'MOTCUA_SIGNING_KEY_FILE'
        | 'MOTCUA_TRUSTED_ROOTS'
        | 'MOTCUA_SIGNERS_FILE'
        | 'MOTCUA_PKCS11_MODULE'
      >
    >,
  options: OpenOptions,
): Promise<DbHandle> {
  const handle = await connect(config.DATABASE_URL);
  try {
    const { applied } = await migrateToLatest(
      handle.db,
      handle.dialect === 'postgres' ? handle.schema : undefined,
    );
    if (applied.length) {
      options.log?.(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
      await refreshStatisticsAfterMigration(handle.db);
    }
    const keyFile = auditKeyFile(config.DATABASE_URL, config.MOTCUA_AUDIT_KEY_FILE);
    if (keyFile) {
      const heads = (await listChainHeads(handle.db)).map((h) => ({ chain: h.chain, seq: Number(h.seq) }));
      useAuditKey(loadOrCreateAuditKey(keyFile, heads, options.clock.now()));
    } else useAuditKey(ephemeralAuditKey());
    // Signing (docs/SIGNING.md): the key that seals stored signing keys, and the roots signatures are trusted to.
    useSigningKey(resolveSigningKey(config));
    useTrustedRoots(config.MOTCUA_TRUSTED_ROOTS ? readRootsBundle(config.MOTCUA_TRUSTED_ROOTS) : []);
    // Tokens and remote signing services (MOTCUA_SIGNERS_FILE), read once; each opens at its first signature.
    useConfiguredSigners(
      config.MOTCUA_SIGNERS_FILE
        ? configuredSigners(readSignersFile(config.MOTCUA_SIGNERS_FILE), {
            env: process.env,
            pkcs11Module: config.MOTCUA_PKCS11_MODULE,
          })
        : null,
    );
    await ensureReferenceData(handle.db, options.clock.now(), options.log);
    return handle;
  } catch (e) {
    await handle.close();
    throw e;
  }
}
