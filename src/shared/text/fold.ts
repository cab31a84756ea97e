/**
 * Folds Vietnamese text for search: NFC-normalised, lower case, combining marks removed, đ → d,
 * runs of white space collapsed. "Xã Đạ Huoai" → "xa da huoai".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFC-normalises and trims a display name, collapsing inner white space. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
