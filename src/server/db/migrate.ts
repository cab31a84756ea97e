import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The names of this version's migrations, in order (what `kysely_migration` holds once all are applied). */
export async function knownMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR))
    .filter((f) => /^\d{12}_[a-z0-9_]+\.ts$/.test(f))
    .sort()
    .map((f) => f.replace(/\.ts$/, ''));
}

/** Loads every `migrations/*.ts` file (timestamp-prefixed names sort in order). */
class DirectoryMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{12}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(MIGRATIONS_DIR, file)).href)) as Migration;
      migrations[file.replace(/\.ts$/, '')] = mod;
    }
    return migrations;
  }
}

export interface MigrateOutcome {
  applied: string[];
}

/**
 * Applies every pending migration. `schema` (PostgreSQL) names the schema that holds Kysely's bookkeeping
 * tables; without it Kysely would take a `kysely_migration` table of ANY schema for its own.
 */
export async function migrateToLatest<T>(db: Kysely<T>, schema?: string): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider: new DirectoryMigrationProvider(),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied };
}
