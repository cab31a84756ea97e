/**
 * Amounts of money in Vietnamese words, as written on receipts ("Năm mươi nghìn đồng").
 * Rules: "linh" for a zero tens digit before units, "mười" for ten, "mốt" for 1 and "lăm" for 5 after a tens
 * digit, "không trăm" inside the number (1.050.000 = "một triệu không trăm năm mươi nghìn"), zero groups skipped,
 * and "tỷ" repeating for larger amounts (10^12 = "nghìn tỷ").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

const digit = (n: number): string => DIGITS[n] ?? '';

function tensAndUnits(tens: number, units: number, afterHundreds: boolean): string[] {
  if (tens === 0) {
    if (units === 0) return [];
    return afterHundreds ? ['linh', digit(units)] : [digit(units)];
  }
  const words = tens === 1 ? ['mười'] : [digit(tens), 'mươi'];
  if (units === 1 && tens > 1) words.push('mốt');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(digit(units));
  return words;
}

/** Words of 0-999; `full` reads the hundreds even when zero ("không trăm linh năm") inside a number. */
function groupWords(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  words.push(...tensAndUnits(tens, units, hundreds > 0 || full));
  return words;
}

/** Words of 1-999,999,999; `inner` when a higher part precedes it. */
function belowBillion(n: number, inner: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  let started = inner;
  for (let i = 2; i >= 0; i -= 1) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    words.push(...groupWords(g, started));
    const scale = SCALES[i];
    if (scale) words.push(scale);
    started = true;
  }
  return words;
}

function numberWords(n: number, inner = false): string[] {
  if (n < BILLION) return belowBillion(n, inner);
  const high = Math.floor(n / BILLION);
  const low = n % BILLION;
  return [...numberWords(high, inner), 'tỷ', ...(low > 0 ? belowBillion(low, true) : [])];
}

/** A non-negative integer in Vietnamese words, lower case ("một triệu hai trăm năm mươi nghìn"). */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative safe integer: ${n}`);
  if (n === 0) return 'không';
  return numberWords(n).join(' ');
}

/** An amount in đồng, capitalised: 50000 → "Năm mươi nghìn đồng"; 0 → "Không đồng". */
export function feeInWords(amount: number): string {
  const words = `${numberInWords(amount)} đồng`;
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}

/** 1250000 → "1.250.000" (dots between thousands, as printed in Vietnam). */
export function formatAmount(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`not a non-negative safe integer: ${amount}`);
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
