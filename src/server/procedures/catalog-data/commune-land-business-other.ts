/** Land, business household and other procedures of the commune. */
import type { CatalogProcedure } from './catalog.types.ts';
import {
  workingDays,
  calendarDays,
  standardSteps,
  longSteps,
  doc,
  optional,
  UBND_XA,
  CHU_TICH_XA,
  AUTHORISATION_OPTIONAL,
  HDND_FEE,
  HKD_BASIS,
  HKD_SOURCE,
  HKD_DATE,
} from './catalog-helpers.ts';

const DAT_DAI_BASIS = [
  'Luật Đất đai 2024',
  'Nghị định 101/2024/NĐ-CP',
  'Nghị định 102/2024/NĐ-CP',
  'Nghị định 151/2025/NĐ-CP',
];
const DAT_DAI_SOURCE = 'Cổng Dịch vụ công quốc gia; thẩm quyền cấp xã theo Nghị định 151/2025/NĐ-CP';
const DAT_DAI_DATE = '2025-06-12'; // Nghị định 151/2025/NĐ-CP, 12/6/2025
/** The area extension of land procedures, as the Ministry's announced procedure set words it. */
export const LAND_AREA_BASIS =
  'Quyết định 2304/QĐ-BNNMT ngày 23/6/2025 (bộ TTHC lĩnh vực đất đai): đối với các xã miền núi, biên giới; đảo, ' +
  'vùng có điều kiện kinh tế - xã hội khó khăn, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn thì thời ' +
  'gian thực hiện được tăng thêm không quá 10 ngày';

export const DAT_DAI: CatalogProcedure[] = [
  {
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: 'Đất đai',
    competence: 'commune',
    competentAgency:
      'Chủ tịch Ủy ban nhân dân cấp xã (phối hợp Văn phòng đăng ký đất đai / Chi nhánh và cơ quan thuế)',
    // As published: không quá 20 ngày làm việc; excludes the time of posting (niêm yết) and of fulfilling
    // financial obligations. Xã miền núi, biên giới, đảo, vùng có điều kiện kinh tế - xã hội khó khăn / đặc biệt
    // khó khăn: tăng thêm không quá 10 ngày (the clause of the land procedure set announced by Quyết định
    // 2304/QĐ-BNNMT ngày 23/6/2025, as republished by provinces; Nghị định 101/2024/NĐ-CP art. 21-22, which held
    // the limits before, were repealed by Nghị định 151/2025/NĐ-CP art. 21.4.b from 01/7/2025).
    limit: workingDays(20),
    areaLimit: {
      value: 30,
      unit: 'working_day',
      areas: ['mountainous', 'border', 'island', 'hardship'],
      basis: LAND_AREA_BASIS,
    },
    fee: {
      amount: 60000,
      text: 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (mặc định: 60.000 đồng/giấy đất và tài sản tại xã; phí thẩm định tính riêng)',
    },
    components: [
      doc('Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu', 'original', {
        form: 'Mẫu số 04/ĐK, Nghị định 101/2024/NĐ-CP',
      }),
      optional(
        'Một trong các loại giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai 2024',
        'original_or_copy',
      ),
      optional(
        'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)',
        'copy',
      ),
      AUTHORISATION_OPTIONAL,
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: DAT_DAI_BASIS,
    source: DAT_DAI_SOURCE,
    sourceDate: DAT_DAI_DATE,
    keywords: ['cấp sổ đỏ lần đầu', 'làm sổ đỏ', 'cấp giấy chứng nhận quyền sử dụng đất', 'đăng ký đất đai'],
  },
  {
    code: '1.012812',
    name: 'Hòa giải tranh chấp đất đai',
    field: 'Đất đai',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: calendarDays(30), // Luật Đất đai 2024 art. 235: không quá 30 ngày kể từ ngày nhận đơn
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị hòa giải tranh chấp đất đai'),
      optional('Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: DAT_DAI_BASIS,
    source: DAT_DAI_SOURCE,
    sourceDate: DAT_DAI_DATE,
    keywords: ['tranh chấp đất', 'hòa giải đất đai', 'lấn chiếm đất', 'tranh chấp ranh giới'],
  },
  {
    code: '1.013967', // verify
    name: 'Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã',
    field: 'Đất đai',
    competence: 'commune', // Chủ tịch UBND cấp huyện -> Chủ tịch UBND cấp xã (Nghị định 151/2025/NĐ-CP)
    competentAgency: CHU_TICH_XA,
    limit: calendarDays(45), // verify: Nghị định 102/2024/NĐ-CP (60 ngày ở vùng khó khăn)
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn yêu cầu giải quyết tranh chấp đất đai'),
      doc('Biên bản hòa giải tại Ủy ban nhân dân cấp xã', 'copy'),
      optional('Giấy tờ, tài liệu, chứng cứ liên quan đến tranh chấp', 'copy'),
    ],
    onlineLevel: 'partial',
    steps: longSteps(),
    legalBasis: DAT_DAI_BASIS,
    source: DAT_DAI_SOURCE,
    sourceDate: DAT_DAI_DATE,
    keywords: ['giải quyết tranh chấp đất', 'khiếu kiện đất đai'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Hộ kinh doanh (Nghị định 168/2025/NĐ-CP: Phòng Kinh tế / Phòng Kinh tế, Hạ tầng và Đô thị cấp xã)
// ---------------------------------------------------------------------------------------------------------
const HKD_AGENCY = 'Phòng Kinh tế (hoặc Phòng Kinh tế, Hạ tầng và Đô thị) thuộc Ủy ban nhân dân cấp xã';
const HKD_FORM = 'Mẫu ban hành kèm Thông tư của Bộ Tài chính hướng dẫn Nghị định 168/2025/NĐ-CP';
export const HO_KINH_DOANH: CatalogProcedure[] = [
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: {
      amount: 100000,
      text: `${HDND_FEE} (mặc định: 100.000 đồng/lần; nhiều tỉnh miễn khi nộp trực tuyến)`,
    },
    components: [
      doc('Giấy đề nghị đăng ký hộ kinh doanh', 'original', { form: HKD_FORM }),
      optional(
        'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (các thành viên hộ gia đình cùng đăng ký)',
        'copy',
      ),
      optional(
        'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
        'copy',
      ),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['đăng ký kinh doanh', 'mở quán', 'giấy phép kinh doanh hộ cá thể', 'hộ kinh doanh'],
  },
  {
    code: '2.000720',
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 50000, text: `${HDND_FEE} (mặc định: 50.000 đồng/lần; verify)` },
    components: [doc('Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'original', { form: HKD_FORM })],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['đổi ngành nghề kinh doanh', 'đổi địa chỉ kinh doanh', 'thay đổi hộ kinh doanh'],
  },
  {
    code: '1.001570',
    name: 'Tạm ngừng hoạt động hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Thông báo về việc tạm ngừng kinh doanh của hộ kinh doanh', 'original', { form: HKD_FORM }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['tạm nghỉ kinh doanh', 'tạm ngừng hộ kinh doanh'],
  },
  {
    code: '1.001266',
    name: 'Chấm dứt hoạt động hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Thông báo về việc chấm dứt hoạt động hộ kinh doanh', 'original', { form: HKD_FORM }),
      optional('Thông báo của cơ quan thuế về việc hộ kinh doanh đã hoàn thành nghĩa vụ thuế', 'copy'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['đóng cửa hộ kinh doanh', 'giải thể hộ kinh doanh', 'chấm dứt kinh doanh'],
  },
  {
    code: '2.000575',
    name: 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    competence: 'commune',
    competentAgency: HKD_AGENCY,
    limit: workingDays(3),
    fee: { amount: 0, text: `${HDND_FEE} (nếu có)` },
    components: [
      doc('Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'original', { form: HKD_FORM }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: HKD_BASIS,
    source: HKD_SOURCE,
    sourceDate: HKD_DATE,
    keywords: ['mất giấy phép kinh doanh', 'cấp lại giấy đăng ký hộ kinh doanh'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Xây dựng, giáo dục, văn hóa, tài nguyên nước
// ---------------------------------------------------------------------------------------------------------
// Luật Xây dựng 2014 art. 102 gave 15 days (nhà ở riêng lẻ) / 20 days (công trình). From 01/7/2026 the limits are
// 07 ngày làm việc (nhà ở riêng lẻ), 10 ngày làm việc (other works), 09 ngày làm việc (điều chỉnh): Nghị định
// 217/2026/NĐ-CP art. 54, replacing Nghị định 175/2024/NĐ-CP, as cited by the issue and by several secondary
// sources. verify: the decree's text could not be read (docs/CATALOG.md, "Could not be verified").
const XD_BASIS = [
  'Luật Xây dựng 2014 (sửa đổi 2020)',
  'Nghị định 217/2026/NĐ-CP (thay thế Nghị định 175/2024/NĐ-CP từ 01/7/2026)',
];
const XD_SOURCE =
  'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực hoạt động xây dựng); thời hạn theo Nghị định 217/2026/NĐ-CP điều 54';
const XD_DATE = '2026-07-01'; // Nghị định 217/2026/NĐ-CP, in force 01/7/2026 (verify)
const XD_FORM = 'Mẫu đơn theo Nghị định 217/2026/NĐ-CP'; // verify: form number
export const KHAC: CatalogProcedure[] = [
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    competence: 'commune', // cấp huyện -> cấp xã từ 01/7/2025
    competentAgency: UBND_XA,
    limit: workingDays(7), // Nghị định 217/2026/NĐ-CP art. 54: 07 ngày làm việc đối với nhà ở riêng lẻ (verify)
    fee: {
      amount: 75000,
      text: `${HDND_FEE} (mặc định: 75.000 đồng/giấy phép nhà ở riêng lẻ)`,
    },
    components: [
      doc('Đơn đề nghị cấp giấy phép xây dựng', 'original', { form: XD_FORM }),
      doc('Bản sao một trong những giấy tờ chứng minh quyền sử dụng đất', 'copy'),
      doc('02 bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)', 'copy', {
        copies: 2,
      }),
      optional(
        'Bản kê khai kinh nghiệm của tổ chức, cá nhân thiết kế (nhà ở riêng lẻ từ 7 tầng hoặc có tầng hầm)',
      ),
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: XD_BASIS,
    source: XD_SOURCE,
    sourceDate: XD_DATE,
    keywords: ['giấy phép xây dựng', 'xin phép xây nhà', 'xây nhà', 'nhà ở riêng lẻ'],
  },
  {
    code: '1.013224', // verify: the portal code of the non-house variant
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (không phải nhà ở riêng lẻ)',
    field: 'Hoạt động xây dựng',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(10), // Nghị định 217/2026/NĐ-CP art. 54: 10 ngày làm việc đối với công trình (verify)
    fee: { amount: 150000, text: `${HDND_FEE} (mặc định: 150.000 đồng/giấy phép công trình)` },
    components: [
      doc('Đơn đề nghị cấp giấy phép xây dựng', 'original', { form: XD_FORM }),
      doc('Bản sao một trong những giấy tờ chứng minh quyền sử dụng đất', 'copy'),
      doc('02 bộ bản vẽ thiết kế xây dựng', 'copy', { copies: 2 }),
      optional('Văn bản thẩm định thiết kế của cơ quan chuyên môn về xây dựng (nếu có)', 'copy'),
    ],
    onlineLevel: 'full',
    steps: longSteps(),
    legalBasis: XD_BASIS,
    source: XD_SOURCE,
    sourceDate: XD_DATE,
    keywords: ['giấy phép xây dựng công trình', 'xin phép xây dựng'],
  },
  {
    code: '1.013226', // verify
    name: 'Điều chỉnh giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(9), // Nghị định 217/2026/NĐ-CP art. 54: 09 ngày làm việc (verify)
    fee: { amount: 15000, text: `${HDND_FEE} (mặc định: 15.000 đồng/giấy phép)` },
    components: [
      doc('Đơn đề nghị điều chỉnh giấy phép xây dựng', 'original', { form: XD_FORM }),
      doc('Bản chính giấy phép xây dựng đã được cấp'),
      doc('02 bộ bản vẽ thiết kế xây dựng điều chỉnh', 'copy', { copies: 2 }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: XD_BASIS,
    source: XD_SOURCE,
    sourceDate: XD_DATE,
    keywords: ['điều chỉnh giấy phép xây dựng', 'sửa giấy phép xây dựng'],
  },
  {
    code: '1.013227',
    name: 'Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(5), // verify: gia hạn, cấp lại: 05 ngày làm việc (Luật Xây dựng art. 102); not in the issue
    fee: { amount: 15000, text: `${HDND_FEE} (mặc định: 15.000 đồng/giấy phép)` },
    components: [
      doc('Đơn đề nghị gia hạn giấy phép xây dựng', 'original', { form: XD_FORM }),
      doc('Bản chính giấy phép xây dựng đã được cấp'),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: XD_BASIS,
    source: XD_SOURCE,
    sourceDate: XD_DATE,
    keywords: ['gia hạn giấy phép xây dựng'],
  },
  {
    code: '2.002854',
    name: 'Chuyển trường và tiếp nhận học sinh',
    field: 'Giáo dục và Đào tạo',
    competence: 'commune',
    competentAgency:
      'Hiệu trưởng trường tiếp nhận (trường tiểu học, trung học cơ sở thuộc Ủy ban nhân dân cấp xã)',
    limit: workingDays(3), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn xin chuyển trường do cha mẹ hoặc người giám hộ học sinh ký'),
      doc('Học bạ (bản chính)'),
      optional('Giấy giới thiệu chuyển trường của trường nơi đi'),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Luật Giáo dục 2019', 'Nghị định 142/2025/NĐ-CP'], // verify
    source: 'Quyết định công bố TTHC lĩnh vực giáo dục của UBND cấp tỉnh (2025)',
    sourceDate: '2025-06-12', // verify
    keywords: ['chuyển trường', 'chuyển trường cho con', 'xin học trái tuyến'],
  },
  {
    code: '1.000954', // verify
    name: 'Xét tặng danh hiệu "Gia đình văn hóa" hằng năm',
    field: 'Văn hóa cơ sở',
    competence: 'commune',
    competentAgency: CHU_TICH_XA,
    limit: workingDays(5), // verify
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Biên bản họp bình xét của thôn, tổ dân phố kèm danh sách đề nghị'),
      doc('Văn bản đề nghị của Trưởng thôn, Tổ trưởng tổ dân phố'),
    ],
    onlineLevel: 'partial',
    steps: standardSteps(),
    legalBasis: ['Luật Thi đua, khen thưởng 2022', 'Nghị định 86/2023/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực văn hóa cơ sở)',
    sourceDate: '2023-12-07', // verify: Nghị định 86/2023/NĐ-CP
    keywords: ['gia đình văn hóa', 'danh hiệu gia đình văn hóa'],
  },
  {
    code: '2.002835',
    name: 'Đăng ký khai thác nước mặt, nước biển, đăng ký sử dụng mặt nước, đào hồ, ao, sông, suối, kênh, mương, rạch',
    field: 'Tài nguyên nước',
    competence: 'commune',
    competentAgency: UBND_XA,
    limit: workingDays(10), // verify: Nghị định 54/2024/NĐ-CP
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai đăng ký khai thác, sử dụng tài nguyên nước theo mẫu', 'original', {
        form: 'Nghị định 54/2024/NĐ-CP',
      }),
    ],
    onlineLevel: 'full',
    steps: standardSteps(),
    legalBasis: ['Luật Tài nguyên nước 2023', 'Nghị định 54/2024/NĐ-CP'],
    source: 'Quyết định công bố TTHC lĩnh vực tài nguyên nước của UBND cấp tỉnh (2025)',
    sourceDate: '2024-05-16', // verify: Nghị định 54/2024/NĐ-CP
    keywords: ['đào ao', 'khai thác nước', 'giếng khoan', 'đăng ký nước mặt'],
  },
];
