/** Social protection, people with merit, poverty procedures of the commune. */
import type { CatalogProcedure } from './catalog.types.ts';
import {
  workingDays,
  standardSteps,
  longSteps,
  doc,
  optional,
  UBND_XA,
  CHU_TICH_XA,
  BTXH_BASIS,
} from './catalog-helpers.ts';

export const XA_HOI: CatalogProcedure[] = [
  {
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    field: 'Bảo trợ xã hội',
    competence: 'commune', // quyết định của Chủ tịch UBND cấp huyện chuyển về cấp xã từ 01/7/2025
    competentAgency: CHU_TICH_XA,
    limit: workingDays(17), // verify: former chain 7 (xã) + 7 (Phòng) + 3 (Chủ tịch huyện) under Nghị định 20/2021
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đề nghị trợ giúp xã hội theo mẫu', 'original', {
        form: 'Mẫu số 1a-1d, Nghị định 20/2021/NĐ-CP',
      }),
      optional('Giấy xác nhận khuyết tật (đối với người khuyết tật)', 'copy'),
      optional('Giấy tờ chứng minh đối tượng (trẻ em mồ côi, người đơn thân nghèo nuôi con...)', 'copy'),
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: BTXH_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2021-03-15', // Nghị định 20/2021/NĐ-CP
    keywords: [
      'trợ cấp xã hội',
      'trợ cấp người khuyết tật',
      'tiền trợ cấp hàng tháng',
      'trợ cấp người cao tuổi',
    ],
  },
  {
    code: '1.001731',
    name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(3), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu', 'original', {
        form: 'Nghị định 20/2021/NĐ-CP',
      }),
      doc('Bản sao Giấy chứng tử hoặc Trích lục khai tử', 'copy'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: BTXH_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2021-03-15',
    keywords: ['mai táng phí', 'hỗ trợ mai táng', 'tiền mai táng'],
  },
  {
    code: '2.000751', // verify
    name: 'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(10), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đề nghị hỗ trợ về nhà ở theo mẫu', 'original', { form: 'Nghị định 20/2021/NĐ-CP' }),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: BTXH_BASIS,
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2021-03-15',
    keywords: ['nhà bị sập', 'hỗ trợ thiên tai', 'hỗ trợ làm nhà', 'trợ giúp khẩn cấp'],
  },
  {
    code: '1.001699',
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: 'Chủ tịch Ủy ban nhân dân cấp xã (Hội đồng xác định mức độ khuyết tật cấp xã)',
    limit: workingDays(25), // verify: 20 ngày làm việc họp Hội đồng + 05 ngày làm việc cấp Giấy xác nhận
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị xác định mức độ khuyết tật theo mẫu', 'original', {
        form: 'Thông tư 01/2019/TT-BLĐTBXH',
      }),
      optional('Bản sao các giấy tờ y tế chứng minh về khuyết tật (bệnh án, giấy ra viện...)', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: ['Luật Người khuyết tật 2010', 'Nghị định 28/2012/NĐ-CP', 'Thông tư 01/2019/TT-BLĐTBXH'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2019-01-02', // verify: Thông tư 01/2019/TT-BLĐTBXH
    keywords: ['giấy xác nhận khuyết tật', 'xác định khuyết tật', 'người khuyết tật'],
  },
  {
    code: '1.001653',
    name: 'Đổi, cấp lại Giấy xác nhận khuyết tật',
    field: 'Bảo trợ xã hội',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(5), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật theo mẫu', 'original', {
        form: 'Thông tư 01/2019/TT-BLĐTBXH',
      }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Luật Người khuyết tật 2010', 'Nghị định 28/2012/NĐ-CP', 'Thông tư 01/2019/TT-BLĐTBXH'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực bảo trợ xã hội)',
    sourceDate: '2019-01-02',
    keywords: ['mất giấy xác nhận khuyết tật', 'đổi giấy khuyết tật'],
  },
  {
    code: '1.010803',
    name: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ',
    field: 'Người có công',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(10), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Bản khai đề nghị giải quyết chế độ thờ cúng liệt sĩ theo mẫu', 'original', {
        form: 'Nghị định 131/2021/NĐ-CP',
      }),
      optional('Văn bản ủy quyền thờ cúng liệt sĩ (nếu có)'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực người có công)',
    sourceDate: '2021-12-30', // Nghị định 131/2021/NĐ-CP
    keywords: ['thờ cúng liệt sĩ', 'trợ cấp liệt sĩ'],
  },
  {
    code: '1.010833',
    name: 'Cấp giấy xác nhận thân nhân của người có công',
    field: 'Người có công',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify
    fee: { amount: 0, text: 'Không' },
    components: [doc('Đơn đề nghị cấp giấy xác nhận thân nhân của người có công theo mẫu')],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực người có công)',
    sourceDate: '2021-12-30',
    keywords: ['con liệt sĩ', 'thân nhân người có công', 'giấy xác nhận gia đình chính sách'],
  },
  {
    code: '1.011607',
    // verify name; several provinces announce repeal of the 2022-2025 poverty procedures from 01/01/2027.
    name: 'Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằng năm',
    field: 'Giảm nghèo',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(7), // verify: Nghị định 07/2021/NĐ-CP (rà soát thường xuyên)
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo theo mẫu', 'original', {
        form: 'Thông tư 07/2021/TT-BLĐTBXH',
      }),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: ['Nghị định 07/2021/NĐ-CP', 'Thông tư 07/2021/TT-BLĐTBXH'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực giảm nghèo)',
    sourceDate: '2021-01-27', // verify: Nghị định 07/2021/NĐ-CP
    keywords: ['hộ nghèo', 'hộ cận nghèo', 'sổ hộ nghèo', 'thoát nghèo'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Đất đai (Nghị định 151/2025/NĐ-CP: what moved to the commune is the district's authority; registration
// of changes stays with the Land Registration Office, see other-agency-procedures.ts)
// ---------------------------------------------------------------------------------------------------------
