/**
 * How a commune routes a procedure's dossiers after intake (issue 12 item 3). Pure rules, no I/O: the server
 * enforces them, the leader's screen shows them.
 */
export const ROUTING_MODES = ['counter', 'auto_assign', 'leader_assigns'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** A procedure without a rule: the leader assigns each dossier (the behaviour before routing rules). */
export const DEFAULT_ROUTING_MODE: RoutingMode = 'leader_assigns';

/**
 * Fields whose result the commune's Chairman may authorise an officer to certify and sign (ủy quyền, phân công):
 * certification (chứng thực) under Decree 23/2015/NĐ-CP Art. 5 §2 as amended by Decree 280/2025/NĐ-CP Art. 1 §2
 * (in force 1 November 2025). Before that amendment, only the Chairman or a Vice-Chairman signed a certification
 * at the commune (Decree 23/2015 Art. 5 §2 as amended by Decree 07/2025/NĐ-CP). Every other field is decided by
 * the competent leader (Decree 118/2025/NĐ-CP Art. 19): its counter route still goes through the leader.
 */
export const COUNTER_SIGNABLE_FIELDS: readonly string[] = ['Chứng thực'];

/** Whether the law lets the counter officer certify and sign a procedure of this field alone. */
export const counterMaySign = (field: string): boolean => COUNTER_SIGNABLE_FIELDS.includes(field);

export interface RoutingRule {
  mode: RoutingMode;
  /** The counter officer signs alone (Chairman's authorisation `authorisationRef`); else the leader approves. */
  counterSigns: boolean;
  authorisationRef: string | null;
}

/**
 * Why a rule may not be set for a procedure of this field, or null: signing at the counter needs the counter route,
 * a field the law allows (COUNTER_SIGNABLE_FIELDS) and the reference of the Chairman's authorisation.
 */
export function routingRuleRefusal(
  rule: RoutingRule,
  field: string,
):
  | 'routing.counter_signs_needs_counter'
  | 'routing.counter_signs_not_allowed'
  | 'routing.authorisation_required'
  | null {
  if (!rule.counterSigns) return null;
  if (rule.mode !== 'counter') return 'routing.counter_signs_needs_counter';
  if (!counterMaySign(field)) return 'routing.counter_signs_not_allowed';
  if (!rule.authorisationRef?.trim()) return 'routing.authorisation_required';
  return null;
}
