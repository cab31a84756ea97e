/**
 * A petition's time limits: the province's rules (defaults with its override), the case they are looked up by,
 * and the deadline that matters now. Used by the service, the actions and the presenter alike.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_PETITION_RULES,
  ENDED_PETITION,
  mergePetitionRules,
  type Complexity,
  type PetitionCase,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import type { Database } from '../db/schema.ts';
import { findRulesOverride } from './petition.repository.ts';
import type { PetitionRow } from './petition.table.ts';

/** The province's time limits: the defaults with the province's overrides (settings) merged over them. */
export async function loadPetitionRules(db: Kysely<Database>, provinceCode: string): Promise<PetitionRules> {
  const override = await findRulesOverride(db, provinceCode);
  return override === undefined
    ? DEFAULT_PETITION_RULES
    : mergePetitionRules(DEFAULT_PETITION_RULES, override);
}

export function caseOf(
  p: Pick<PetitionRow, 'kind' | 'instance' | 'complex' | 'remote' | 'multi_place'>,
): PetitionCase {
  return {
    kind: p.kind as PetitionKind,
    instance: p.instance === 2 ? 2 : 1,
    complexity: complexityOf(p.complex),
    remote: p.remote === 1,
    multiPlace: p.multi_place === 1,
  };
}

export const complexityOf = (n: number): Complexity => (n >= 2 ? 2 : n === 1 ? 1 : 0);

export type DeadlineKind = 'respond' | 'request_info' | 'resolve' | 'publish';

/** The deadline that matters now, or null when nothing is pending. */
export function nextDeadline(
  p: Pick<
    PetitionRow,
    'kind' | 'status' | 'respond_by' | 'info_by' | 'due_at' | 'publish_by' | 'published_at'
  >,
  now: number,
): { kind: DeadlineKind; at: number; overdue: boolean } | null {
  const pick = (kind: DeadlineKind, at: number | null) =>
    at === null ? null : { kind, at, overdue: now > at };
  const status = p.status as PetitionStatus;
  if (status === 'received' || status === 'more_info_requested') return pick('respond', p.respond_by);
  if (status === 'accepted') return pick('resolve', p.due_at);
  if (status === 'resolved' && p.kind === 'feedback' && p.published_at === null)
    return pick('publish', p.publish_by);
  return null;
}

export const isEnded = (status: string): boolean => ENDED_PETITION.includes(status as PetitionStatus);

const LEVELS = { normal: 0, complex: 1, very_complex: 2 } as const;

/**
 * The stored complexity: complaints 0/1 from `complex`; denunciations 0/1/2 from `complexity` (an older client's
 * `complex: true` meaning especially complex); feedback none.
 */
export function complexityInput(
  kind: string,
  input: { complex?: boolean; complexity?: keyof typeof LEVELS },
): number {
  if (kind === 'complaint') return input.complex ? 1 : 0;
  if (kind !== 'denunciation') return 0;
  if (input.complexity) return LEVELS[input.complexity];
  return input.complex ? 2 : 0;
}
