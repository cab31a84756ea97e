/**
 * Reports off the primary (issue 14 item 6): with DATABASE_REPLICA_URL set, the reports and dashboards read a
 * PostgreSQL streaming replica, and every such answer says how far behind the primary the replica is.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ReplicaStatus {
  /** True when the database is a standby replaying the primary's WAL. */
  replica: boolean;
  /**
   * How far the data read is behind the primary, ms: 0 when the replica has replayed everything it received,
   * else the age of the last transaction replayed (`now() - pg_last_xact_replay_timestamp()`). Null when unknown
   * (nothing replayed since the replica started).
   */
  lagMs: number | null;
}

/** The replica's state, from the replica itself (one cheap query). */
export async function replicaStatus(db: Kysely<Database>): Promise<ReplicaStatus> {
  const { rows } = await sql<{ replica: boolean; lag_ms: string | number | null }>`
    select pg_is_in_recovery() as replica,
      case
        when not pg_is_in_recovery() then 0
        when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
        else extract(epoch from (now() - pg_last_xact_replay_timestamp())) * 1000
      end as lag_ms`.execute(db);
  const row = rows[0]!;
  return {
    replica: row.replica,
    lagMs: row.lag_ms === null ? null : Math.max(0, Math.round(Number(row.lag_ms))),
  };
}

/** The header every report and dashboard answer read from the replica carries. */
export const REPLICA_LAG_HEADER = 'x-motcua-replica-lag-ms';
