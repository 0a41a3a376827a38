/** The demo's own mid-term report: text, kept apart so the settings code reads in one sitting. */
import type { ReportSettingsInput } from './definitions.ts';

/**
 * The demo's mid-term report, drawn from the news report of the review conference (Báo Bình Thuận,
 * 10/07/2024). The number, the signer and the wording of parts II–V are illustrative (ours).
 */
export const DEMO_REPORT: ReportSettingsInput = {
  parentBody: ['HỘI LHPN TỈNH BÌNH THUẬN'],
  issuingBody: ['BAN THƯỜNG VỤ'],
  motto: true,
  documentNumber: '45',
  documentSymbol: 'BC-HPN',
  place: 'Phan Thiết',
  reportDate: '2024-07-10',
  asOf: '2024-06-30',
  title:
    'BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021 – 2026',
  signerTitle: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
  signerName: 'Nguyễn Thị A',
  recipients: [
    'Đoàn Chủ tịch TW Hội LHPN Việt Nam (b/c);',
    'Thường trực Tỉnh ủy (b/c);',
    'Ban Dân vận Tỉnh ủy (b/c);',
    'UBND tỉnh;',
    'Ủy ban MTTQ Việt Nam tỉnh;',
    'Ủy viên BCH Hội LHPN tỉnh;',
    'Hội LHPN các huyện, thị xã, thành phố;',
    'Lưu: VT.',
  ],
  sections: [
    {
      key: 'ket_qua',
      title: 'Kết quả đạt được',
      body: [
        'Qua nửa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh lần thứ XV và Nghị quyết Đại hội đại biểu Phụ nữ toàn quốc, các cấp Hội trong tỉnh đã tích cực, chủ động đổi mới nội dung, phương thức hoạt động, bám sát nhu cầu, nguyện vọng của các tầng lớp phụ nữ.',
        'Thực hiện khâu đột phá “Cán bộ Hội các cấp ứng dụng công nghệ thông tin trong tổ chức triển khai, thực hiện các hoạt động của Hội”, Hội LHPN tỉnh tập trung xây dựng mô hình điểm “Tổ hỗ trợ phụ nữ chuyển đổi số”, khuyến khích cơ sở, cán bộ Hội phát huy các trang mạng xã hội để thực hiện nhiệm vụ công tác. Công tác bình đẳng giới vì sự tiến bộ của phụ nữ được quan tâm; nhiều chủ trương, chính sách liên quan đến công tác phụ nữ được cụ thể hóa, tạo điều kiện thuận lợi cho phụ nữ phát triển toàn diện.',
        'Kết quả thực hiện từng chỉ tiêu Nghị quyết được tổng hợp tại bảng và biểu đồ dưới đây.',
      ].join('\n'),
    },
    {
      key: 'han_che',
      title: 'Hạn chế, yếu kém',
      body: [
        'Chỉ tiêu hỗ trợ thành lập mới hợp tác xã, tổ hợp tác do phụ nữ quản lý đạt thấp so với tiến độ Nghị quyết.',
        'Chất lượng giám sát, phản biện xã hội, tham gia góp ý xây dựng Đảng, xây dựng chính quyền ở một số nơi, nhất là cấp huyện và xã, chưa cao. Việc phát triển chi, tổ Hội ở vùng đồng bào dân tộc thiểu số, vùng có đạo còn khó khăn.',
      ].join('\n'),
    },
    {
      key: 'nguyen_nhan',
      title: 'Nguyên nhân',
      body: 'Bối cảnh kinh tế - xã hội còn nhiều khó khăn, thách thức, ảnh hưởng đến đời sống và việc làm của phụ nữ. Một số cấp Hội chưa chủ động đổi mới phương thức hoạt động hướng về cơ sở; nguồn lực hỗ trợ phụ nữ phát triển kinh tế tập thể còn hạn chế.',
    },
    {
      key: 'bai_hoc',
      title: 'Bài học kinh nghiệm',
      body: 'Bám sát nhiệm vụ trọng tâm của Trung ương Hội và nghị quyết chuyên đề của Tỉnh ủy; đổi mới phương thức hoạt động hướng về cơ sở; chia sẻ, nhân rộng cách làm hay trong thực hiện các khâu đột phá, giúp hộ nghèo do phụ nữ làm chủ hộ thoát nghèo và phong trào thi đua “Xây dựng người Phụ nữ Việt Nam thời đại mới”.',
    },
    {
      key: 'nhiem_vu',
      title: 'Nhiệm vụ, giải pháp nửa nhiệm kỳ còn lại',
      body: [
        'Đổi mới toàn diện, nâng cao chất lượng, hiệu quả hoạt động Hội; nhân rộng các mô hình, phong trào gắn với từng lĩnh vực, thực tiễn ở địa phương, trong đó có chuyển đổi số, cải cách hành chính, tham gia vệ sinh môi trường, trồng cây xanh.',
        'Nâng cao chất lượng giám sát, phản biện xã hội; tập trung phát triển chi, tổ Hội, nhất là ở vùng đồng bào dân tộc thiểu số, vùng có đạo; mạnh dạn đề xuất cán bộ nữ có năng lực để quy hoạch, đào tạo, bồi dưỡng, giới thiệu ứng cử các chức danh lãnh đạo, quản lý.',
        'Tập trung hỗ trợ thành lập hợp tác xã, tổ hợp tác do phụ nữ quản lý để hoàn thành chỉ tiêu còn lại của Nghị quyết.',
      ].join('\n'),
    },
  ],
};
