import { describe, expect, it } from 'vitest';
import { at } from '../../../test/support/dossiers.ts';
import {
  appointmentText,
  committeeName,
  dateShort,
  dateTimeShort,
  dateWords,
  limitText,
  lookupUrl,
  placeDateLine,
  placeName,
} from './document.format.ts';

describe('document formats', () => {
  it('writes dates in local time (UTC+7), a leading zero for days below 10 and months below 3', () => {
    expect(dateWords(at(2026, 3, 2, 9))).toBe('ngày 02 tháng 3 năm 2026');
    expect(dateWords(at(2026, 2, 15, 9))).toBe('ngày 15 tháng 02 năm 2026');
    expect(dateWords(at(2026, 12, 31, 23, 59))).toBe('ngày 31 tháng 12 năm 2026');
    expect(dateWords(Date.UTC(2026, 2, 1, 17, 0))).toBe('ngày 02 tháng 3 năm 2026'); // 17:00 UTC is midnight in Vietnam
    expect(appointmentText(at(2026, 3, 5, 17, 30))).toBe('17 giờ 30 phút, ngày 05 tháng 3 năm 2026');
    expect(dateTimeShort(at(2026, 3, 5, 7, 5))).toBe('05/03/2026 07:05');
    expect(dateShort(at(2026, 1, 1))).toBe('01/01/2026');
    expect(placeDateLine('Di Linh', at(2026, 3, 2, 9))).toBe('Di Linh, ngày 02 tháng 3 năm 2026');
  });

  it('names the limit as procedures do', () => {
    expect(limitText(3, 'working_day')).toBe('03 ngày làm việc');
    expect(limitText(0, 'working_day')).toBe('Trong ngày');
    expect(limitText(8, 'working_hour')).toBe('08 giờ làm việc');
    expect(limitText(15, 'calendar_day')).toBe('15 ngày');
  });

  it('names the committee and the place from the unit', () => {
    expect(committeeName('Xã Di Linh', 'commune')).toBe('UBND XÃ DI LINH');
    expect(committeeName('Phường Ba Đình', 'ward')).toBe('UBND PHƯỜNG BA ĐÌNH');
    expect(committeeName('Côn Đảo', 'special_zone')).toBe('UBND ĐẶC KHU CÔN ĐẢO');
    expect(placeName('Xã Gia Hiệp')).toBe('Gia Hiệp');
    expect(placeName('Đặc khu Phú Quốc')).toBe('Phú Quốc');
  });

  it('builds the public lookup URL the QR code opens', () => {
    expect(lookupUrl('http://localhost:3000/', '000.00.68.25000-260302-0001')).toBe(
      'http://localhost:3000/tra-cuu?code=000.00.68.25000-260302-0001',
    );
    expect(lookupUrl('https://x.vn/motcua', 'A B')).toBe('https://x.vn/motcua/tra-cuu?code=A%20B');
  });
});
