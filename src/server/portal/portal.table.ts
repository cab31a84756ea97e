import type { Selectable } from 'kysely';

/** A file being uploaded in chunks from the portal (docs/PORTAL.md, "Uploads"). Instants in epoch ms. */
export interface PortalUploadTable {
  id: string;
  file_name: string;
  size: number; // the declared total, in bytes
  received: number; // bytes stored so far: where the next chunk starts
  media_type: string | null; // sniffed from the first chunk
  ip: string;
  created_at: number;
  updated_at: number;
}

/** A blank form (Mẫu đơn) attached by an administrator to a component of a procedure. */
export interface ProcedureFormTemplateTable {
  id: string;
  procedure_code: string;
  component: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: number;
}

export type PortalUploadRow = Selectable<PortalUploadTable>;
export type ProcedureFormTemplateRow = Selectable<ProcedureFormTemplateTable>;
