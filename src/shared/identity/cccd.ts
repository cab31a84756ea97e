/**
 * Citizen ID (Căn cước / CCCD) numbers, the personal identification number: 12 digits (Law on Identification
 * 2023, No. 26/2023/QH15, Art. 12; its structure is set by Decree 70/2024/NĐ-CP, which replaced Decree 137/2015,
 * and the Ministry of Public Security's code lists; DOMAIN.md §6).
 * Digits 1-3: the code of the province where the birth was registered (the 63-province list in force before 2025)
 * or, for a birth registered abroad, the code of that country (Law on Identification 2023 Art. 12; Decree 70/2024).
 * The Ministry's list of country codes could not be read here, so a country code is accepted when the officer
 * states that the birth was registered abroad (the new card prints "Nơi đăng ký khai sinh"): then any three digits
 * other than a province code and 000 pass, and a province code is refused as `cccd.abroad_province`; without that
 * statement a code outside the province list is refused as `cccd.province`, whose message says what to tick;
 * digit 4: century and sex (1900s 0 male / 1 female, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9);
 * digits 5-6: the last two digits of the birth year; digits 7-12: a serial.
 */
export const CCCD_PROVINCES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export type Sex = 'male' | 'female';

export interface CccdInfo {
  /** The first three digits: a province code, or a country code when the birth was registered abroad. */
  provinceCode: string;
  /** The province's name; null for a birth registered abroad. */
  provinceName: string | null;
  registeredAbroad: boolean;
  sex: Sex;
  birthYear: number;
}

export type CccdRule =
  | 'cccd.format'
  | 'cccd.province'
  | 'cccd.abroad_province'
  | 'cccd.birth_year_future'
  | 'cccd.birth_year_mismatch'
  | 'cccd.sex_mismatch';

export type CccdCheck = { ok: true; info: CccdInfo } | { ok: false; rule: CccdRule };

/**
 * Decodes the structure of a CCCD number; `today` bounds the birth year; `registeredAbroad`: the holder's birth was
 * registered abroad, so the first three digits are a country code.
 */
export function decodeCccd(id: string, today = new Date(), registeredAbroad = false): CccdCheck {
  if (!/^\d{12}$/.test(id)) return { ok: false, rule: 'cccd.format' };
  const provinceCode = id.slice(0, 3);
  const provinceName = CCCD_PROVINCES[provinceCode] ?? null;
  if (registeredAbroad) {
    if (provinceName) return { ok: false, rule: 'cccd.abroad_province' };
    if (provinceCode === '000') return { ok: false, rule: 'cccd.format' };
  } else if (!provinceName) return { ok: false, rule: 'cccd.province' };
  const genderDigit = Number(id[3]);
  const century = 1900 + Math.floor(genderDigit / 2) * 100;
  const birthYear = century + Number(id.slice(4, 6));
  if (birthYear > today.getUTCFullYear()) return { ok: false, rule: 'cccd.birth_year_future' };
  return {
    ok: true,
    info: {
      provinceCode,
      provinceName,
      registeredAbroad,
      sex: genderDigit % 2 === 0 ? 'male' : 'female',
      birthYear,
    },
  };
}

/** Structure plus consistency with a known birth date (YYYY-MM-DD or year) and sex. */
export function checkCccd(
  id: string,
  known: { birthDate?: string; sex?: Sex; registeredAbroad?: boolean } = {},
  today = new Date(),
): CccdCheck {
  const decoded = decodeCccd(id, today, known.registeredAbroad ?? false);
  if (!decoded.ok) return decoded;
  if (known.birthDate && Number(known.birthDate.slice(0, 4)) !== decoded.info.birthYear)
    return { ok: false, rule: 'cccd.birth_year_mismatch' };
  if (known.sex && known.sex !== decoded.info.sex) return { ok: false, rule: 'cccd.sex_mismatch' };
  return decoded;
}

/** 068*******23 — for every page that does not need the full number. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

/** 09******89 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** Keeps only the last part of an address (commune, province): "***, Xã Di Linh, Lâm Đồng". */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length <= 2) return '***';
  return ['***', ...parts.slice(-2)].join(', ');
}
