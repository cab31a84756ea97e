import { describe, expect, it } from 'vitest';
import { foldVietnamese, normaliseName } from './fold.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Xã Di Linh', 'xa di linh'],
    ['ĐẮK NÔNG', 'dak nong'],
    ['Đạ  Huoai', 'da huoai'],
    ['Gia Hiệp', 'gia hiep'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('gives the same key for NFC and NFD input', () => {
    const nfc = 'Lâm Đồng'.normalize('NFC');
    const nfd = 'Lâm Đồng'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfc)).toBe(foldVietnamese(nfd));
  });
});

describe('normaliseName', () => {
  it('returns NFC with single spaces', () => {
    const out = normaliseName('  Xã   Gia Hiệp '.normalize('NFD'));
    expect(out).toBe('Xã Gia Hiệp'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
  });
});
