import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text/fold.ts';
import { REDACTED, redactIdentity, type Identity } from './redact.ts';

const an: Identity = {
  name: 'Nguyễn Văn An',
  idNumber: '068090001234',
  phone: '0912345678',
  address: 'Số 12 Trần Phú, Phường 3, Đà Lạt',
};

describe('redactIdentity', () => {
  it.each([
    ['Tôi là Nguyễn Văn An, tố cáo ông B.', `Tôi là ${REDACTED}, tố cáo ông B.`],
    ['Tôi là NGUYEN VAN AN.', `Tôi là ${REDACTED}.`],
    ['Ký tên: nguyễn   văn\nan', `Ký tên: ${REDACTED}`],
    ['Anh Văn An đã chứng kiến', `Anh ${REDACTED} đã chứng kiến`],
    ['Gia đình Nguyễn Văn rất lo', `Gia đình ${REDACTED} rất lo`],
    ['CCCD 068090001234.', `CCCD ${REDACTED}.`],
    ['CCCD: 068 090 001 234', `CCCD: ${REDACTED}`],
    ['CCCD 068.090.001.234', `CCCD ${REDACTED}`],
    ['gọi 0912 345 678 hoặc', `gọi ${REDACTED} hoặc`],
    ['gọi 0912.345.678', `gọi ${REDACTED}`],
    ['gọi +84 912 345 678', `gọi ${REDACTED}`],
    ['gọi 84912345678', `gọi ${REDACTED}`],
    ['nhà ở số 12 Trần Phú, phường 3, Đà Lạt.', `nhà ở ${REDACTED}.`],
    ['nhà ở Số 12 Tran Phu.', `nhà ở ${REDACTED}.`],
  ])('hides the identity in %j', (text, expected) => {
    expect(redactIdentity(text, an)).toBe(expected);
  });

  it('leaves words and numbers that only contain a part of the identity', () => {
    const text = 'Ông An thu 2.000.000 đồng; mã 10680900012345; Văn Anh; Trần Phú khác; Đà Lạt.';
    expect(redactIdentity(text, an)).toBe(text);
  });

  it('hides several occurrences and keeps the rest of the text as typed', () => {
    expect(redactIdentity('Nguyễn Văn An (0912345678) và Văn An', an)).toBe(
      `${REDACTED} (${REDACTED}) và ${REDACTED}`,
    );
  });

  it('works on text in decomposed Unicode (NFD) too', () => {
    expect(redactIdentity('Tôi là Nguyễn Văn An'.normalize('NFD'), an)).toBe(
      `${'Tôi là '.normalize('NFD')}${REDACTED}`,
    );
  });

  it('changes nothing when the petitioner gave no data beyond a name that is absent', () => {
    expect(redactIdentity('Nội dung 0912345678', { name: 'Lê Thị Bích' })).toBe('Nội dung 0912345678');
  });

  // Properties: whatever surrounds it, no identity survives, and text without it is untouched.
  const syllable = fc.constantFrom(
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Văn',
    'Thị',
    'Đức',
    'Minh',
    'Hương',
    'Quốc',
    'Bảo',
    'Ánh',
  );
  const name = fc.array(syllable, { minLength: 2, maxLength: 4 }).map((ws) => ws.join(' '));
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
  const identity = fc.record({
    name,
    idNumber: digits(12).map((d) => d.join('')),
    phone: digits(9).map((d) => `0${d.join('')}`),
  });
  const filler = fc.constantFrom(' tố cáo ', ', ', ' ông cán bộ xã ', '\n', ' (', ') ', ' số tiền 5 triệu ');
  const spaced = (s: string) =>
    fc.constantFrom(
      s,
      s.toUpperCase(),
      foldVietnamese(s),
      s.replace(/(\d{3})(?=\d)/g, '$1 '),
      s.replace(/ /g, '  '),
    );

  it('property: no occurrence of the name, a 2-word part of it, the ID or the phone survives', () => {
    fc.assert(
      fc.property(
        identity,
        fc.array(filler, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (who, fills, pick) => {
          const ws = who.name.split(' ');
          const part = ws.slice(pick % (ws.length - 1), (pick % (ws.length - 1)) + 2).join(' ');
          const mentions = [who.name, part, who.idNumber, who.phone];
          const text = fills.map((f, i) => f + mentions[(pick + i) % mentions.length]).join('');
          const out = redactIdentity(text, who);
          const folded = foldVietnamese(out);
          for (const m of mentions) expect(folded).not.toContain(foldVietnamese(m));
          expect(out.replace(/\D/g, '')).not.toContain(who.idNumber);
          expect(out.replace(/\D/g, '')).not.toContain(who.phone.slice(1));
        },
      ),
    );
  });

  it('property: the name however written (case, diacritics, spacing, digit groups) is hidden', () => {
    fc.assert(
      fc.property(
        identity.chain((who) =>
          fc.tuple(fc.constant(who), spaced(who.name), spaced(who.idNumber), spaced(who.phone)),
        ),
        ([who, n, id, phone]) => {
          const out = redactIdentity(`Người tố cáo: ${n}, CCCD ${id}, ĐT ${phone}.`, who);
          expect(out).toBe(`Người tố cáo: ${REDACTED}, CCCD ${REDACTED}, ĐT ${REDACTED}.`);
        },
      ),
    );
  });

  it('property: a text with no letter or digit of the identity stays as it is', () => {
    fc.assert(
      fc.property(identity, fc.string({ maxLength: 200 }), (who, s) => {
        const text = s.replace(/[\p{L}\p{N}]/gu, '');
        expect(redactIdentity(text, who)).toBe(text);
      }),
    );
  });
});
