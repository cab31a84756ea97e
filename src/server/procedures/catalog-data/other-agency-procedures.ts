/**
 * Procedures citizens often ask for at the commune centre but which another agency decides: provincial
 * departments (competence 'province') or vertical sectors — police, tax, social insurance ('vertical').
 * The competence assistant uses them to receive the request and forward it as an inter-agency dossier
 * (Decree 118/2025/NĐ-CP art. 14.2) instead of turning the citizen away.
 *
 * Agencies follow the 2025 restructuring: Sở Kế hoạch và Đầu tư merged into Sở Tài chính; Sở Tài nguyên và
 * Môi trường + Sở Nông nghiệp into Sở Nông nghiệp và Môi trường; Sở Lao động - Thương binh và Xã hội into Sở Nội
 * vụ; driving licences moved from the transport sector to the police on 1 March 2025; judicial record
 * certificates are issued by the provincial police. `// verify` marks figures not checked against a
 * published source while compiling.
 */
import type { CatalogProcedure } from './catalog.types.ts';
import { sameDay, workingDays, calendarDays, doc } from './catalog-helpers.ts';

type Steps = CatalogProcedure['steps'];

/** Shares of the competent agency's own limit (the commune's transfer time is not part of it). */
const agencySteps = (): Steps => [
  { key: 'receive', share: 0.1 },
  { key: 'assign', share: 0.05 },
  { key: 'appraise', share: 0.55 },
  { key: 'approve', share: 0.15 },
  { key: 'sign', share: 0.05 },
  { key: 'return', share: 0.1 },
];

const CONG_AN_XA = 'Công an cấp xã';
const CU_TRU_BASIS = ['Luật Cư trú 2020', 'Nghị định 154/2024/NĐ-CP', 'Thông tư 75/2022/TT-BTC'];
const CU_TRU_SOURCE = 'Cổng Dịch vụ công Bộ Công an / Cổng Dịch vụ công quốc gia';
const CU_TRU_FORM = 'Mẫu CT01 (Tờ khai thay đổi thông tin cư trú)';
const DAT_DAI_BASIS = ['Luật Đất đai 2024', 'Nghị định 101/2024/NĐ-CP', 'Nghị định 151/2025/NĐ-CP'];
const VPDKDD = 'Văn phòng đăng ký đất đai (hoặc Chi nhánh) thuộc Sở Nông nghiệp và Môi trường';

/** Procedures of provincial or vertical-sector competence (competence 'province' or 'vertical'). */
export const OTHER_AGENCY_PROCEDURES: CatalogProcedure[] = [
  // ------------------------------------------------------------------ Cư trú, căn cước (police, vertical)
  {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    competence: 'vertical',
    competentAgency: CONG_AN_XA,
    limit: workingDays(7), // Luật Cư trú 2020 art. 22; published: 07 ngày làm việc
    fee: {
      amount: 20000,
      text: '20.000 đồng/lần đăng ký nộp trực tiếp; 10.000 đồng/lần đăng ký nộp trực tuyến',
    },
    components: [
      doc('Tờ khai thay đổi thông tin cư trú', 'original', { form: CU_TRU_FORM }),
      doc(
        'Giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp hoặc văn bản đồng ý cho đăng ký thường trú',
        'copy',
      ),
      doc(
        'Giấy tờ, tài liệu chứng minh quan hệ nhân thân (trường hợp nhập vào hộ gia đình người thân)',
        'copy',
        {
          required: false,
        },
      ),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: CU_TRU_BASIS,
    source: CU_TRU_SOURCE,
    sourceDate: '2020-11-13', // Luật Cư trú 2020
    keywords: ['nhập hộ khẩu', 'đăng ký thường trú', 'chuyển hộ khẩu', 'hộ khẩu'],
  },
  {
    code: '1.004194',
    name: 'Đăng ký tạm trú',
    field: 'Đăng ký, quản lý cư trú',
    competence: 'vertical',
    competentAgency: CONG_AN_XA,
    limit: workingDays(3), // Luật Cư trú 2020 art. 28
    fee: {
      amount: 15000,
      text: '15.000 đồng/lần đăng ký nộp trực tiếp; 7.000 đồng/lần đăng ký nộp trực tuyến',
    }, // verify
    components: [
      doc('Tờ khai thay đổi thông tin cư trú', 'original', { form: CU_TRU_FORM }),
      doc('Giấy tờ, tài liệu chứng minh việc sử dụng chỗ ở hợp pháp (hợp đồng thuê, mượn, ở nhờ...)', 'copy'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: CU_TRU_BASIS,
    source: CU_TRU_SOURCE,
    sourceDate: '2020-11-13',
    keywords: ['đăng ký tạm trú', 'ở trọ', 'thuê nhà', 'khai báo tạm trú'],
  },
  {
    code: '1.003197',
    name: 'Xóa đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    competence: 'vertical',
    competentAgency: CONG_AN_XA,
    limit: workingDays(1), // verify: Luật Cư trú 2020 art. 24
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Tờ khai thay đổi thông tin cư trú', 'original', { form: CU_TRU_FORM }),
      doc('Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú', 'copy'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: CU_TRU_BASIS,
    source: CU_TRU_SOURCE,
    sourceDate: '2020-11-13',
    keywords: ['xóa hộ khẩu', 'cắt khẩu', 'xóa thường trú người đã mất'],
  },
  {
    code: '2.000200', // verify: taken from a third-party sample of the Ministry of Public Security portal
    name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
    field: 'Căn cước',
    competence: 'vertical',
    competentAgency: 'Công an cấp tỉnh (tiếp nhận tại Công an cấp xã hoặc điểm thu nhận của Công an)',
    limit: workingDays(7), // Luật Căn cước 2023 art. 26: không quá 07 ngày làm việc
    fee: {
      amount: 0,
      text: 'Cấp lần đầu, cấp đổi theo độ tuổi: không thu; cấp đổi: 50.000 đồng/thẻ; cấp lại: 70.000 đồng/thẻ',
    }, // verify fee circular
    components: [
      doc(
        'Tờ khai căn cước (khi thông tin chưa có hoặc cần điều chỉnh trong Cơ sở dữ liệu quốc gia về dân cư)',
      ),
      doc('Thẻ căn cước công dân, chứng minh nhân dân cũ (trường hợp cấp đổi)', 'presented', {
        required: false,
      }),
    ],
    onlineLevel: 'partial',
    steps: agencySteps(),
    legalBasis: ['Luật Căn cước 2023', 'Nghị định 70/2024/NĐ-CP'],
    source: 'Cổng Dịch vụ công Bộ Công an',
    sourceDate: '2023-11-27', // Luật Căn cước 2023
    keywords: ['làm căn cước', 'làm CCCD', 'đổi căn cước', 'mất căn cước'],
  },
  // ------------------------------------------------------------------ Xuất nhập cảnh, lý lịch tư pháp, GPLX
  {
    code: '1.001456',
    name: 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)',
    field: 'Quản lý xuất nhập cảnh',
    competence: 'vertical',
    competentAgency: 'Phòng Quản lý xuất nhập cảnh, Công an cấp tỉnh',
    limit: workingDays(8), // Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 2019 art. 15
    fee: { amount: 200000, text: '200.000 đồng/hộ chiếu cấp mới (Thông tư 25/2021/TT-BTC)' },
    components: [
      doc('Tờ khai đề nghị cấp hộ chiếu phổ thông', 'original', {
        form: 'Mẫu TK01 (Thông tư của Bộ Công an)',
      }),
      doc('Ảnh chân dung nền trắng 4x6 cm', 'original', { copies: 2 }),
      doc('Thẻ căn cước còn giá trị sử dụng', 'presented'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: ['Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 2019', 'Thông tư 25/2021/TT-BTC'],
    source: 'Cổng Dịch vụ công Bộ Công an',
    sourceDate: '2019-11-22',
    keywords: ['làm hộ chiếu', 'hộ chiếu', 'passport', 'đi nước ngoài'],
  },
  {
    code: '3.000333',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    competence: 'vertical',
    competentAgency: 'Phòng Hồ sơ nghiệp vụ, Công an cấp tỉnh',
    limit: calendarDays(10), // Luật Lý lịch tư pháp art. 48: không quá 10 ngày; cần xác minh thì không quá 15 ngày
    fee: {
      amount: 200000,
      text: '200.000 đồng/lần/người; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng/lần/người (verify: Thông tư 16/2025/TT-BTC)',
    },
    components: [
      doc('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'original', {
        form: 'Mẫu số 03/2024/LLTP hoặc 04/2024/LLTP (Thông tư 06/2024/TT-BTP)',
      }),
      doc('Giấy tờ tùy thân (thẻ căn cước hoặc hộ chiếu)', 'presented'),
      doc('Văn bản ủy quyền (trường hợp ủy quyền yêu cầu cấp Phiếu số 1)', 'original', { required: false }),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: ['Luật Lý lịch tư pháp 2009', 'Thông tư 06/2024/TT-BTP', 'Thông tư 16/2025/TT-BTC'],
    source: 'Cổng Dịch vụ công Bộ Công an',
    sourceDate: '2024-06-21', // verify: Thông tư 06/2024/TT-BTP
    keywords: ['lý lịch tư pháp', 'lý lịch tư pháp số 1', 'xin lý lịch', 'không tiền án'],
  },
  {
    code: '3.000347', // verify: third-party mapping "đổi giấy phép lái xe" -> 3.000347
    name: 'Đổi giấy phép lái xe',
    field: 'Giấy phép lái xe',
    competence: 'vertical',
    competentAgency: 'Phòng Cảnh sát giao thông, Công an cấp tỉnh',
    limit: workingDays(5), // verify: Thông tư 12/2025/TT-BCA
    fee: {
      amount: 135000,
      text: '135.000 đồng/lần cấp (Thông tư 37/2023/TT-BTC); mức thu trực tuyến có thể thấp hơn',
    },
    components: [
      doc('Đơn đề nghị đổi giấy phép lái xe theo mẫu', 'original', { form: 'Thông tư 12/2025/TT-BCA' }),
      doc(
        'Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp (trừ hạng không yêu cầu)',
        'original',
      ),
      doc('Giấy phép lái xe cũ', 'presented'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: [
      'Luật Trật tự, an toàn giao thông đường bộ 2024',
      'Thông tư 12/2025/TT-BCA',
      'Thông tư 37/2023/TT-BTC',
    ],
    source: 'Cổng Dịch vụ công Bộ Công an (quản lý giấy phép lái xe chuyển sang Bộ Công an từ 01/3/2025)',
    sourceDate: '2025-02-28', // verify: Thông tư 12/2025/TT-BCA
    keywords: ['đổi bằng lái', 'gia hạn bằng lái xe', 'bằng lái hết hạn', 'đổi GPLX'],
  },
  // ------------------------------------------------------------------ Đất đai (province)
  {
    code: '1.013831',
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn',
    field: 'Đất đai',
    competence: 'province',
    competentAgency: VPDKDD,
    limit: workingDays(8), // published: 08 ngày làm việc (04 ngày: cho thuê, cho thuê lại trong dự án)
    fee: {
      amount: 30000,
      text: 'Lệ phí cấp Giấy chứng nhận / chỉnh lý biến động và phí thẩm định theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (mặc định: 30.000 đồng/lần)',
    },
    components: [
      doc('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'original', {
        form: 'Mẫu số 11/ĐK, Nghị định 101/2024/NĐ-CP',
      }), // verify form number
      doc('Bản gốc Giấy chứng nhận đã cấp'),
      doc(
        'Hợp đồng, văn bản về việc chuyển quyền (chuyển nhượng, tặng cho, thừa kế, góp vốn...) đã công chứng hoặc chứng thực',
      ),
    ],
    onlineLevel: 'partial',
    steps: agencySteps(),
    legalBasis: DAT_DAI_BASIS,
    source: 'Quyết định công bố TTHC lĩnh vực đất đai của UBND cấp tỉnh (2025), Cổng Dịch vụ công quốc gia',
    sourceDate: '2025-06-12', // Nghị định 151/2025/NĐ-CP
    keywords: ['sang tên sổ đỏ', 'sang tên đất', 'chuyển nhượng đất', 'thừa kế đất', 'tặng cho đất'],
  },
  {
    code: '1.012753',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với tổ chức đang sử dụng đất',
    field: 'Đất đai',
    competence: 'province',
    competentAgency: 'Sở Nông nghiệp và Môi trường (Văn phòng đăng ký đất đai)',
    limit: workingDays(20), // verify: Nghị định 101/2024/NĐ-CP art. 22
    fee: {
      amount: 100000,
      text: 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (mặc định: 100.000 đồng/giấy)',
    },
    components: [
      doc('Đơn đăng ký đất đai, tài sản gắn liền với đất', 'original', {
        form: 'Mẫu số 04/ĐK, Nghị định 101/2024/NĐ-CP',
      }),
      doc(
        'Giấy tờ về quyền sử dụng đất của tổ chức (quyết định giao đất, cho thuê đất...)',
        'original_or_copy',
      ),
      doc('Báo cáo kết quả rà soát hiện trạng sử dụng đất', 'original'),
    ],
    onlineLevel: 'partial',
    steps: agencySteps(),
    legalBasis: DAT_DAI_BASIS,
    source: 'Quyết định công bố TTHC lĩnh vực đất đai của UBND cấp tỉnh (2025), Cổng Dịch vụ công quốc gia',
    sourceDate: '2025-06-12',
    keywords: ['sổ đỏ cho tổ chức', 'cấp giấy chứng nhận cho doanh nghiệp', 'đất của hợp tác xã'],
  },
  {
    code: '1.011441',
    name: 'Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất',
    field: 'Đăng ký biện pháp bảo đảm',
    competence: 'province',
    competentAgency: VPDKDD,
    limit: sameDay(), // Nghị định 99/2022/NĐ-CP: trong ngày; sau 15 giờ thì ngày làm việc tiếp theo; tối đa 03 ngày làm việc
    fee: {
      amount: 80000,
      text: 'Phí đăng ký theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (mặc định: 80.000 đồng/hồ sơ; verify)',
    },
    components: [
      doc('Phiếu yêu cầu đăng ký biện pháp bảo đảm theo mẫu', 'original', {
        form: 'Nghị định 99/2022/NĐ-CP',
      }),
      doc('Hợp đồng bảo đảm (hợp đồng thế chấp) đã công chứng, chứng thực', 'original_or_copy'),
      doc('Bản gốc Giấy chứng nhận quyền sử dụng đất'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: ['Bộ luật Dân sự 2015', 'Nghị định 99/2022/NĐ-CP', 'Luật Đất đai 2024'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC đăng ký biện pháp bảo đảm)',
    sourceDate: '2022-11-30', // Nghị định 99/2022/NĐ-CP
    keywords: ['thế chấp sổ đỏ', 'vay ngân hàng bằng sổ đỏ', 'đăng ký thế chấp'],
  },
  // ------------------------------------------------------------------ Doanh nghiệp, xây dựng (province)
  {
    code: '2.001610', // verify
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    field: 'Thành lập và hoạt động doanh nghiệp',
    competence: 'province',
    competentAgency: 'Phòng Đăng ký kinh doanh thuộc Sở Tài chính',
    limit: workingDays(3),
    fee: {
      amount: 50000,
      text: 'Lệ phí đăng ký doanh nghiệp 50.000 đồng/lần (miễn khi đăng ký qua mạng điện tử); phí công bố thông tin 100.000 đồng/lần',
    },
    components: [
      doc('Giấy đề nghị đăng ký doanh nghiệp', 'original', {
        form: 'Mẫu của Bộ Tài chính (thay thế Thông tư 02/2023/TT-BKHĐT)',
      }),
      doc('Điều lệ công ty'),
      doc('Bản sao giấy tờ pháp lý của chủ sở hữu công ty và người đại diện theo pháp luật', 'copy'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: ['Luật Doanh nghiệp 2020', 'Nghị định 168/2025/NĐ-CP', 'Thông tư 47/2019/TT-BTC'],
    source: 'Cổng thông tin quốc gia về đăng ký doanh nghiệp / Cổng Dịch vụ công quốc gia',
    sourceDate: '2025-06-30', // Nghị định 168/2025/NĐ-CP
    keywords: ['thành lập công ty', 'mở công ty', 'đăng ký doanh nghiệp', 'giấy phép kinh doanh công ty'],
  },
  {
    code: '1.009972', // verify
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II',
    field: 'Hoạt động xây dựng',
    competence: 'province',
    competentAgency: 'Sở Xây dựng',
    limit: workingDays(20), // Luật Xây dựng art. 102: 20 ngày đối với công trình
    fee: {
      amount: 150000,
      text: 'Lệ phí theo Nghị quyết của Hội đồng nhân dân cấp tỉnh (mặc định: 150.000 đồng/giấy phép)',
    },
    components: [
      doc('Đơn đề nghị cấp giấy phép xây dựng', 'original', {
        form: 'Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP',
      }),
      doc('Bản sao giấy tờ chứng minh quyền sử dụng đất', 'copy'),
      doc('Bản sao văn bản thông báo kết quả thẩm định và bộ bản vẽ thiết kế xây dựng', 'copy', {
        copies: 2,
      }),
    ],
    onlineLevel: 'partial',
    steps: agencySteps(),
    legalBasis: ['Luật Xây dựng 2014 (sửa đổi 2020)', 'Nghị định 175/2024/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực hoạt động xây dựng)',
    sourceDate: '2024-12-30',
    keywords: ['giấy phép xây dựng công trình lớn', 'xin phép xây dựng nhà xưởng'],
  },
  // ------------------------------------------------------------------ Việc làm, bảo hiểm xã hội
  {
    code: '1.001978', // verify
    name: 'Giải quyết hưởng trợ cấp thất nghiệp',
    field: 'Việc làm',
    competence: 'province',
    competentAgency: 'Trung tâm Dịch vụ việc làm thuộc Sở Nội vụ',
    limit: workingDays(20), // verify: Luật Việc làm 2013 art. 46; Luật Việc làm 2025 applies from 01/01/2026
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đề nghị hưởng trợ cấp thất nghiệp theo mẫu', 'original'),
      doc(
        'Bản chính hoặc bản sao có chứng thực giấy tờ xác nhận chấm dứt hợp đồng lao động',
        'original_or_copy',
      ),
      doc('Sổ bảo hiểm xã hội', 'presented'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: ['Luật Việc làm 2013', 'Nghị định 28/2015/NĐ-CP'],
    source: 'Cổng Dịch vụ công quốc gia',
    sourceDate: '2013-11-16', // verify
    keywords: ['trợ cấp thất nghiệp', 'bảo hiểm thất nghiệp', 'mất việc'],
  },
  {
    code: '1.001613', // verify
    name: 'Giải quyết hưởng bảo hiểm xã hội một lần',
    field: 'Bảo hiểm xã hội',
    competence: 'vertical',
    competentAgency: 'Bảo hiểm xã hội cơ sở / Bảo hiểm xã hội tỉnh',
    limit: workingDays(10), // verify: Luật Bảo hiểm xã hội 2024
    fee: { amount: 0, text: 'Không' },
    components: [
      doc('Đơn đề nghị hưởng bảo hiểm xã hội một lần theo mẫu của Bảo hiểm xã hội Việt Nam'),
      doc('Sổ bảo hiểm xã hội', 'presented'),
    ],
    onlineLevel: 'full',
    steps: agencySteps(),
    legalBasis: ['Luật Bảo hiểm xã hội 2024'],
    source: 'Cổng Dịch vụ công quốc gia / Cổng Dịch vụ công Bảo hiểm xã hội Việt Nam',
    sourceDate: '2024-06-29', // Luật Bảo hiểm xã hội 2024
    keywords: ['rút bảo hiểm xã hội một lần', 'bảo hiểm xã hội một lần', 'rút sổ bảo hiểm'],
  },
];
