import { describe, expect, it } from 'vitest';
import { looksLikeCccdQr, parseCccdQr } from './cccd-qr.ts';

const SAMPLE = '068190001234|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1, xã Di Linh, Lâm Đồng|20042021';

describe('CCCD QR (as a USB scanner types it)', () => {
  it('reads the issue’s sample into the form’s fields', () => {
    expect(parseCccdQr(SAMPLE)).toEqual({
      ok: true,
      value: {
        idNumber: '068190001234',
        oldIdNumber: '250123456',
        name: 'Nguyễn Văn An',
        birthDate: '1990-03-15',
        sex: 'male',
        address: 'Thôn 1, xã Di Linh, Lâm Đồng',
        issuedOn: '2021-04-20',
      },
    });
  });

  it('accepts a card without a former CMND, a woman, decomposed marks and the scanner’s trailing Enter', () => {
    const decomposed =
      '001305001234||Trần Thị Bình|29022004|Nữ|Phường Ba Đình, Hà Nội|01072021\r\n'.normalize('NFD');
    const r = parseCccdQr(decomposed);
    expect(r).toMatchObject({
      ok: true,
      value: { oldIdNumber: null, sex: 'female', birthDate: '2004-02-29', name: 'Trần Thị Bình' },
    });
    if (r.ok) expect(r.value.name).toBe(r.value.name.normalize('NFC'));
  });

  it.each([
    ['', 'qr.fields'],
    ['068190001234', 'qr.fields'],
    ['068190001234|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1', 'qr.fields'],
    [`${SAMPLE}|extra`, 'qr.fields'],
    ['06819000123|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1|20042021', 'qr.idNumber'],
    ['06819000123A|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1|20042021', 'qr.idNumber'],
    ['068190001234|2501234|Nguyễn Văn An|15031990|Nam|Thôn 1|20042021', 'qr.oldIdNumber'],
    ['068190001234|250123456||15031990|Nam|Thôn 1|20042021', 'qr.name'],
    ['068190001234|250123456|Nguyễn Văn 4n|15031990|Nam|Thôn 1|20042021', 'qr.name'],
    ['068190001234|250123456|Nguyễn\u202eVăn|15031990|Nam|Thôn 1|20042021', 'qr.name'],
    ['068190001234|250123456|Nguyễn Văn An|31021990|Nam|Thôn 1|20042021', 'qr.birthDate'],
    ['068190001234|250123456|Nguyễn Văn An|1990-03-15|Nam|Thôn 1|20042021', 'qr.birthDate'],
    ['068190001234|250123456|Nguyễn Văn An|15031890|Nam|Thôn 1|20042021', 'qr.birthDate'],
    ['068190001234|250123456|Nguyễn Văn An|15031990|Male|Thôn 1|20042021', 'qr.sex'],
    ['068190001234|250123456|Nguyễn Văn An|15031990|Nam||20042021', 'qr.address'],
    ['068190001234|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1|2004202', 'qr.issuedOn'],
    ['068190001234|250123456|Nguyễn Văn An|15031990|Nam|Thôn 1|01011980', 'qr.issuedOn'],
  ])('refuses %j naming %s', (text, rule) => {
    expect(parseCccdQr(text)).toEqual({ ok: false, rule });
  });

  it('tells a scan from a typed number', () => {
    expect(looksLikeCccdQr(SAMPLE)).toBe(true);
    expect(looksLikeCccdQr('068190001234')).toBe(false);
    expect(looksLikeCccdQr('0681900012|')).toBe(false);
  });
});
