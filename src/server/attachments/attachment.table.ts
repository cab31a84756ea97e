import type { Insertable, Selectable } from 'kysely';

export interface AttachmentTable {
  id: string;
  dossier_id: string;
  province_code: string;
  unit_code: string;
  component: string;
  file_name: string;
  media_type: string; // application/pdf | image/jpeg | image/png
  size: number;
  sha256: string;
  uploaded_at: number;
  uploaded_by: string | null;
}

export type AttachmentRow = Selectable<AttachmentTable>;
export type NewAttachment = Insertable<AttachmentTable>;
