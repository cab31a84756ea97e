import { describe, expect, it } from 'vitest';
import { feeInWords, formatAmount, numberInWords } from './fee-words.ts';

describe('feeInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [2000, 'Hai nghìn đồng'],
    [10000, 'Mười nghìn đồng'],
    [15000, 'Mười lăm nghìn đồng'],
    [50000, 'Năm mươi nghìn đồng'],
    [200000, 'Hai trăm nghìn đồng'],
    [1250000, 'Một triệu hai trăm năm mươi nghìn đồng'],
  ])('%i → %s', (amount, words) => {
    expect(feeInWords(amount)).toBe(words);
  });

  it.each([
    [5, 'năm'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [11, 'mười một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1005, 'một nghìn không trăm linh năm'],
    [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [1_000_500, 'một triệu năm trăm'],
    [2_000_000_000, 'hai tỷ'],
    [1_000_000_001, 'một tỷ không trăm linh một'],
    [3_000_000_000_000, 'ba nghìn tỷ'],
  ])('reads %i as "%s"', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => feeInWords(-1)).toThrow(RangeError);
    expect(() => feeInWords(1.5)).toThrow(RangeError);
  });

  it('prints amounts with dots between thousands', () => {
    expect(formatAmount(1250000)).toBe('1.250.000');
    expect(formatAmount(500)).toBe('500');
    expect(formatAmount(0)).toBe('0');
  });
});
