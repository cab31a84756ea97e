import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCES, checkCccd, decodeCccd, maskAddress, maskIdNumber, maskPhone } from './cccd.ts';

const today = new Date(Date.UTC(2026, 10, 29));

describe('CCCD structure', () => {
  it('decodes province, century, sex and birth year', () => {
    expect(decodeCccd('068090001234', today)).toEqual({
      ok: true,
      info: {
        provinceCode: '068',
        provinceName: 'Lâm Đồng',
        registeredAbroad: false,
        sex: 'male',
        birthYear: 1990,
      },
    });
    expect(decodeCccd('001305001234', today)).toMatchObject({
      ok: true,
      info: { sex: 'female', birthYear: 2005 },
    });
  });

  it.each([
    ['06819000123', 'cccd.format'],
    ['06819000123a', 'cccd.format'],
    ['003190001234', 'cccd.province'], // 003 is not a province code
    ['097190001234', 'cccd.province'],
    ['068230001234', 'cccd.birth_year_future'], // 2030
    ['068490001234', 'cccd.birth_year_future'], // 2190
  ])('rejects %s (%s)', (id, rule) => {
    expect(decodeCccd(id, today)).toEqual({ ok: false, rule });
  });

  // Law on Identification 2023 Art. 12: the first three digits are the province, or the country, of birth registration.
  describe('a birth registered abroad (first three digits: a country code)', () => {
    it.each([
      ['003190001234', '003'], // outside the province list
      ['097190001234', '097'],
      ['704090001234', '704'],
      ['999205001234', '999'],
    ])('accepts %s as registered abroad, country code %s', (id, code) => {
      const r = checkCccd(id, { registeredAbroad: true }, today);
      expect(r).toMatchObject({
        ok: true,
        info: { provinceCode: code, provinceName: null, registeredAbroad: true },
      });
    });

    it('refuses a province code when the birth is said to be registered abroad, and 000', () => {
      expect(checkCccd('068090001234', { registeredAbroad: true }, today)).toEqual({
        ok: false,
        rule: 'cccd.abroad_province',
      });
      expect(checkCccd('000090001234', { registeredAbroad: true }, today)).toEqual({
        ok: false,
        rule: 'cccd.format',
      });
    });

    it('still checks the century, sex and birth year of such a number', () => {
      expect(checkCccd('704230001234', { registeredAbroad: true }, today)).toEqual({
        ok: false,
        rule: 'cccd.birth_year_future',
      });
      expect(checkCccd('704090001234', { registeredAbroad: true, birthDate: '1991-01-01' }, today)).toEqual({
        ok: false,
        rule: 'cccd.birth_year_mismatch',
      });
      expect(checkCccd('704190001234', { registeredAbroad: true, sex: 'male' }, today)).toEqual({
        ok: false,
        rule: 'cccd.sex_mismatch',
      });
    });
  });

  it('checks consistency with a birth date and sex', () => {
    expect(checkCccd('068090001234', { birthDate: '1990-05-01', sex: 'male' }, today).ok).toBe(true);
    expect(checkCccd('068090001234', { birthDate: '1991-05-01' }, today)).toEqual({
      ok: false,
      rule: 'cccd.birth_year_mismatch',
    });
    expect(checkCccd('068090001234', { sex: 'female' }, today)).toEqual({
      ok: false,
      rule: 'cccd.sex_mismatch',
    });
  });

  it('has the 63 pre-2025 province codes', () => {
    expect(Object.keys(CCCD_PROVINCES)).toHaveLength(63);
  });

  it('round-trips any valid combination (property)', () => {
    const codes = Object.keys(CCCD_PROVINCES);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.integer({ min: 1900, max: 2026 }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 999_999 }),
        (province, year, sex, serial) => {
          const digit = Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
          const id = `${province}${digit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
          const r = checkCccd(id, { birthDate: `${year}-01-01`, sex }, today);
          return r.ok && r.info.birthYear === year && r.info.sex === sex;
        },
      ),
    );
  });
});

describe('masking personal data', () => {
  it('masks id numbers, phones and addresses', () => {
    expect(maskIdNumber('068090001234')).toBe('068*******34');
    expect(maskPhone('0912 345 678')).toBe('09******78');
    expect(maskAddress('Thôn 3, Xã Di Linh, Lâm Đồng')).toBe('***, Xã Di Linh, Lâm Đồng');
    expect(maskAddress('Lâm Đồng')).toBe('***');
    expect(maskIdNumber(null)).toBeNull();
  });
});
