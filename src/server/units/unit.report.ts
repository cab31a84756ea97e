/** Every kind of correction the cleaning step can make; each is counted in the report, zero or not. */
export const CORRECTION_KINDS = [
  'name_nfc', // a name stored decomposed (NFD) → NFC
  'name_whitespace', // extra, leading or trailing white space
  'name_apostrophe', // typographic apostrophe (’) → '
  'province_name_completed', // "Lâm Đồng" → "Tỉnh Lâm Đồng", from the cross-check
  'unit_code_cross_checked', // a current unit's code taken from the cross-check (the package's collides)
  'code_padded', // a code that lost its leading zeros
  'code_resolved_by_name', // a wrong current code in the mapping; the name resolves to the right unit
  'former_code_repaired', // an empty former code recovered by name from another mapping row
  'former_code_unknown', // an empty former code that nothing recovers: kept, searchable by name, code null
  'placeholder_removed', // a mapping row naming no former unit
  'duplicate_removed', // a mapping row repeated
  'mapping_unresolved', // a mapping row whose current unit cannot be found (dropped)
  'lineage_added', // a former unit that the reference data knows and the package misses
  'lineage_retargeted', // a former unit that the package maps to another unit than the reference data
  'lineage_removed', // a former unit that the reference data says is not part of this unit
] as const;

export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** One correction: which record, which field, the value before and after, and why. */
export interface Correction {
  kind: CorrectionKind;
  /** `table#id` in the source package, e.g. `ward_mappings#10098`, or `reference#25015`. */
  record: string;
  field: string;
  before: string | null;
  after: string | null;
  reason: string;
}

/** A disagreement between the two packages where the primary value was kept (no correction made). */
export interface CrossCheckNote {
  record: string;
  field: string;
  primary: string | null;
  crossCheck: string | null;
  decision: string;
}

/** Collects corrections and notes while cleaning. */
export class CleaningLog {
  readonly corrections: Correction[] = [];
  readonly notes: CrossCheckNote[] = [];

  correct(
    kind: CorrectionKind,
    record: string,
    field: string,
    before: string | null,
    after: string | null,
    reason: string,
  ) {
    this.corrections.push({ kind, record, field, before, after, reason });
  }

  note(note: CrossCheckNote): void {
    this.notes.push(note);
  }

  counts(): Record<CorrectionKind, number> {
    const counts = Object.fromEntries(CORRECTION_KINDS.map((k) => [k, 0])) as Record<CorrectionKind, number>;
    for (const c of this.corrections) counts[c.kind] += 1;
    return counts;
  }
}
