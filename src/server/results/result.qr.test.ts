import { describe, expect, it } from 'vitest';
import { verificationUrl } from './result.qr.ts';

describe('the verification QR of a signed result', () => {
  it('opens /xac-thuc with the dossier code and the result id, under the public address', () => {
    expect(
      verificationUrl('https://dichvucong.lamdong.gov.vn/', '000.00.68.25000-261208-0001', 'ab-12'),
    ).toBe('https://dichvucong.lamdong.gov.vn/xac-thuc?ma=000.00.68.25000-261208-0001&kq=ab-12');
    expect(verificationUrl('http://localhost:3000', 'A B', 'x&y')).toBe(
      'http://localhost:3000/xac-thuc?ma=A%20B&kq=x%26y',
    );
  });
});
