import { describe, expect, it } from 'vitest';
import { toApologyLetterContent } from '../../../server/src/documents/apology-letter';
import { renderDossierTrackingBook, toDossierTrackingBookContent } from '../../../server/src/documents/dossier-tracking-book';
import { formContentDigest, toFormPdf } from '../../../server/src/documents/form-pdf';
import { toProcessControlSlipContent } from '../../../server/src/documents/process-control-slip';
import { toReceiptSlipContent } from '../../../server/src/documents/receipt-slip';
import { toRefusalNoticeContent } from '../../../server/src/documents/refusal-notice';
import { toSupplementRequestContent } from '../../../server/src/documents/supplement-request';
import jsQR from 'jsqr';
import { pdfTextOf, renderFirstPage, runPoppler } from '../../support/poppler';
import { apologyLetter, DOSSIER_CODE, processControlSlip, receiptSlip, refusalNotice, supplementRequest, trackingBook } from './form-fixtures';

const forms = [
  { number: '01', content: toReceiptSlipContent(receiptSlip), says: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Tiếp nhận hồ sơ của: Nguyễn Thị Lan', 'Giấy đề nghị đăng ký doanh nghiệp', 'Bản sao có chứng thực', '25 ngày làm việc', '08 giờ 37 phút, ngày 25 tháng 12 năm 2019', 'Trung tâm Phục vụ hành chính công tỉnh Demo'] },
  { number: '02', content: toSupplementRequestContent(supplementRequest), says: ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '1. Điều lệ doanh nghiệp: thiếu chữ ký của chủ doanh nghiệp', 'Hồ sơ chưa đủ thành phần theo quy định'] },
  { number: '03', content: toRefusalNoticeContent(refusalNotice), says: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Tên doanh nghiệp trùng với tên doanh nghiệp đã đăng ký', 'căn cứ Điều 41 Luật Doanh nghiệp 2020'] },
  { number: '04', content: toApologyLetterContent(apologyLetter), says: ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Chờ ý kiến thẩm định của cơ quan phối hợp', '16 giờ 00 phút, ngày 27 tháng 12 năm 2019', 'Hoàng Văn Giám Đốc'] },
  { number: '05', content: toProcessControlSlipContent(processControlSlip), says: ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Thuế cơ sở 1 tỉnh Demo; Công an tỉnh Demo'] },
];

/** pdftotext -layout may break a sentence over lines and pad columns: compare with runs of spaces folded. */
const folded = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

describe.each(forms)('form $number as PDF', ({ number, content, says }) => {
  it('has a text layer with the national heading, the form number, the dossier code and its own Vietnamese wording, every tone mark intact', async () => {
    // when
    const text = folded(pdfTextOf(await toFormPdf(content)));
    // then
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain(`Mẫu số ${number}`);
    expect(text).toContain('Thông tư số 01/2018/TT-VPCP');
    expect(text).toContain(`Mã hồ sơ: ${DOSSIER_CODE}`);
    for (const phrase of says) expect(text).toContain(phrase);
    expect(text).toContain(`Mã kiểm tra nội dung (SHA-256): ${formContentDigest(content)}`);
  });
});

describe('a form PDF', () => {
  it('embeds Noto Sans (subset, with a Unicode map) and no other font, and declares PDF/A-2b in its XMP metadata', async () => {
    // given
    const pdf = await toFormPdf(toReceiptSlipContent(receiptSlip));
    // when
    const fonts = runPoppler('pdffonts', pdf).split('\n').slice(2).filter((line) => line.trim() !== '');
    // then
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('/OutputIntents');
  });

  it('carries a QR code that a reader scanning the printed page decodes to the dossier code', async () => {
    // given
    const pdf = await toFormPdf(toReceiptSlipContent(receiptSlip));
    // when
    const page = renderFirstPage(pdf);
    const found = jsQR(page.rgba, page.width, page.height);
    // then
    expect(found?.data).toBe(DOSSIER_CODE);
  });

  it('prints the same digest for the same content and another one when a word changes', () => {
    // given
    const content = toRefusalNoticeContent(refusalNotice);
    // then
    expect(formContentDigest(content)).toBe(formContentDigest(toRefusalNoticeContent(refusalNotice)));
    expect(formContentDigest(content)).not.toBe(formContentDigest(toRefusalNoticeContent({ ...refusalNotice, reason: 'Lý do khác' })));
  });
});

describe('form 06, the dossier tracking book', () => {
  it('lists one row per dossier of the period in a landscape PDF and in the HTML page, both from the same content', async () => {
    // given
    const content = toDossierTrackingBookContent(trackingBook);
    // when
    const text = folded(pdfTextOf(await toFormPdf(content), 'raw'));
    const page = renderDossierTrackingBook(trackingBook);
    // then
    expect(content.landscape).toBe(true);
    for (const phrase of ['Mẫu số 06', 'SỔ THEO DÕI HỒ SƠ', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Ghi chú', 'Từ ngày 18 tháng 11 năm 2019 đến ngày 25 tháng 11 năm 2019', 'Nguyễn Thị Lan', 'Đặng Văn Hùng', 'Cấp bản sao trích lục hộ tịch', 'Liên thông thuế', 'Tổng số hồ sơ: 2']) {
      expect(text).toContain(phrase);
      expect(page).toContain(phrase === 'SỔ THEO DÕI HỒ SƠ' ? '<h1>Sổ theo dõi hồ sơ</h1>' : phrase);
    }
    expect(page).toContain('size: A4 landscape;');
    expect(page.match(/<tr class="entry">/g)).toHaveLength(2);
    expect(page).toContain('<td class="returned-at">10:15 22/11/2019</td>');
    expect(runPoppler('pdfinfo', await toFormPdf(content))).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });
});
