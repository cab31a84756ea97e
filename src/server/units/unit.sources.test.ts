import { describe, expect, it } from 'vitest';
import { ZRawProvince, ZRawWard } from './unit.sources.ts';

describe('the administrative units data', () => {
  it('refuses unit names with control or bidi characters in the administrative units data', () => {
    const ward = { id: '1', ward_code: '25000', province_code: '68' };
    expect(ZRawWard.safeParse({ ...ward, name: 'Xã Di Linh' }).success).toBe(true);
    const bad = ZRawWard.safeParse({ ...ward, name: 'Xã \u202Enh Linh' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['name'], message: '@rule.plainLine' });
    expect(ZRawProvince.safeParse({ id: '1', province_code: '68', name: 'Lâm\nĐồng' }).success).toBe(false);
  });
});
