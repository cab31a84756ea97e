/**
 * The QR code on the back of a chip CCCD, as a USB scanner types it into the ID field:
 * `số CCCD|số CMND cũ|Họ và tên|ddmmyyyy sinh|Giới tính|Địa chỉ|ddmmyyyy cấp`, e.g.
 * `068190001234|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1, xã Di Linh, Lâm Đồng|20042021`.
 * Pure, no I/O: the intake form fills ID, name, birth date, sex and address from it (issue 12 item 7).
 */
import type { Sex } from './cccd.ts';

export interface CccdQr {
  idNumber: string;
  /** The former 9-digit CMND, when the card carries one. */
  oldIdNumber: string | null;
  name: string;
  /** ISO `yyyy-MM-dd`. */
  birthDate: string;
  sex: Sex;
  address: string;
  /** ISO `yyyy-MM-dd`. */
  issuedOn: string;
}

export type CccdQrRule =
  | 'qr.fields'
  | 'qr.idNumber'
  | 'qr.oldIdNumber'
  | 'qr.name'
  | 'qr.birthDate'
  | 'qr.sex'
  | 'qr.address'
  | 'qr.issuedOn';

export type CccdQrParse = { ok: true; value: CccdQr } | { ok: false; rule: CccdQrRule };

/** Whether a value typed into the ID field is a scanned QR rather than a typed number (12 digits, then `|`). */
export const looksLikeCccdQr = (text: string): boolean => /^\s*\d{12}\|/.test(text);

/** `ddmmyyyy` → `yyyy-MM-dd` when it is a real calendar day from 1900 on, else null. */
function isoDay(ddmmyyyy: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy);
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (Number(yyyy) < 1900 || d.getUTCDate() !== Number(dd) || d.getUTCMonth() !== Number(mm) - 1) return null;
  return `${yyyy}-${mm}-${dd}`;
}

const SEX: Readonly<Record<string, Sex>> = { nam: 'male', nữ: 'female', nu: 'female' };

/** Controls, line breaks and bidi overrides never belong in a name or an address. */
// eslint-disable-next-line no-control-regex
const UNPLAIN = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** Parses a scanned CCCD QR; the first broken field is named by its rule. Surrounding whitespace is ignored. */
export function parseCccdQr(text: string): CccdQrParse {
  const parts = text
    .normalize('NFC')
    .trim()
    .split('|')
    .map((p) => p.trim());
  if (parts.length !== 7) return { ok: false, rule: 'qr.fields' };
  const [idNumber, oldId, name, birth, sex, address, issued] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{12}$/.test(idNumber)) return { ok: false, rule: 'qr.idNumber' };
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) return { ok: false, rule: 'qr.oldIdNumber' };
  if (!name || name.length > 100 || UNPLAIN.test(name) || /\d/.test(name))
    return { ok: false, rule: 'qr.name' };
  const birthDate = isoDay(birth);
  if (!birthDate) return { ok: false, rule: 'qr.birthDate' };
  const sexValue = SEX[sex.toLocaleLowerCase('vi')];
  if (!sexValue) return { ok: false, rule: 'qr.sex' };
  if (!address || address.length > 300 || UNPLAIN.test(address)) return { ok: false, rule: 'qr.address' };
  const issuedOn = isoDay(issued);
  if (!issuedOn || issuedOn < birthDate) return { ok: false, rule: 'qr.issuedOn' };
  return {
    ok: true,
    value: { idNumber, oldIdNumber: oldId || null, name, birthDate, sex: sexValue, address, issuedOn },
  };
}
