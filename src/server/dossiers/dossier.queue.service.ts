/** The work queues' tabs for a caller (issue 12): each tab's filter, and the capped counts of every tab. */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { QUEUE_TABS, type QueueTab } from '../../shared/dossier/queue.ts';
import * as repo from './dossier.repository.ts';

/** Counts stop here: the tab shows "99+" (no count reads more than this many index entries). */
export const COUNT_CAP = 100;

/** "Due soon": due within one working day (8 working hours) of the caller's calendar. */
export const DUE_SOON_HOURS = 8;

/** The tab's filter for this caller at `now` (mine: their id; due soon: the end of the window). */
export async function tabFilter(
  db: Kysely<Database>,
  actor: Actor,
  tab: QueueTab | undefined,
  now: number,
): Promise<{ tab?: QueueTab; meId: string; now: number; soonBy?: number }> {
  const soonBy =
    tab === 'due_soon'
      ? (await loadCalendar(db, actor.provinceCode)).addWorkingHours(now, DUE_SOON_HOURS)
      : undefined;
  return { tab, meId: actor.id, now, soonBy };
}

/** Every tab's count in the caller's scope (optionally one commune), each capped at COUNT_CAP. */
export async function countTabs(
  db: Kysely<Database>,
  actor: Actor,
  now: number,
  unitCode?: string,
): Promise<Record<QueueTab, number>> {
  const soonBy = (await loadCalendar(db, actor.provinceCode)).addWorkingHours(now, DUE_SOON_HOURS);
  const counts = {} as Record<QueueTab, number>;
  for (const tab of QUEUE_TABS)
    counts[tab] = await repo.countQueue(
      db,
      { scope: scopeOf(actor), tab, meId: actor.id, now, soonBy, unitCode },
      COUNT_CAP,
    );
  return counts;
}
