/** Hộ tịch (civil status) procedures of the commune. */
import type { CatalogProcedure } from './catalog.types.ts';
import { HO_TICH_A } from './commune-civil-status-a.ts';
import { HO_TICH_B } from './commune-civil-status-b.ts';

export const HO_TICH: CatalogProcedure[] = [...HO_TICH_A, ...HO_TICH_B];
