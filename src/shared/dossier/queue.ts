/**
 * The work queues (issue 12). Every work tab holds open work only (`work_due_at` set: an online submission awaiting
 * acceptance or a received dossier not ended) and is sorted by what is due first, on (work_due_at, id); `all` holds
 * every dossier, online submissions included, newest first on (created_at, id).
 */
export const QUEUE_TABS = [
  'open',
  'mine',
  'awaiting_acceptance',
  'due_soon',
  'overdue',
  'awaiting_approval',
  'all',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
