import type { Selectable } from 'kysely';

export interface JobRunTable {
  name: string;
  next_run_at: number;
  /** Held by a runner until then (a lease: a crashed runner's claim runs out). */
  locked_until: number | null;
  locked_by: string | null;
  last_started_at: number | null;
  last_finished_at: number | null;
  /** JSON: `{ ok, done, failed, message }` of the last run. */
  last_outcome: string | null;
}

export type JobRunRow = Selectable<JobRunTable>;
