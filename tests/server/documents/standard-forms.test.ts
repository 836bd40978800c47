import { describe, expect, it } from 'vitest';
import { renderApologyLetter } from '../../../server/src/documents/apology-letter';
import { renderProcessControlSlip } from '../../../server/src/documents/process-control-slip';
import { renderReceiptSlip } from '../../../server/src/documents/receipt-slip';
import { renderRefusalNotice } from '../../../server/src/documents/refusal-notice';
import { renderSupplementRequest } from '../../../server/src/documents/supplement-request';
import { apologyLetter, DOSSIER_CODE, processControlSlip, receiptSlip, refusalNotice, supplementRequest } from './form-fixtures';

const HOSTILE = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>';
const ESCAPED = '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;';

const forms = [
  { number: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', render: () => renderReceiptSlip(receiptSlip), hostile: () => renderReceiptSlip({ ...receiptSlip, applicant: { name: HOSTILE } }) },
  { number: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', render: () => renderSupplementRequest(supplementRequest), hostile: () => renderSupplementRequest({ ...supplementRequest, applicant: { name: HOSTILE } }) },
  { number: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', render: () => renderRefusalNotice(refusalNotice), hostile: () => renderRefusalNotice({ ...refusalNotice, applicant: { name: HOSTILE } }) },
  { number: '04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', render: () => renderApologyLetter(apologyLetter), hostile: () => renderApologyLetter({ ...apologyLetter, applicant: { name: HOSTILE } }) },
  { number: '05', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', render: () => renderProcessControlSlip(processControlSlip), hostile: () => renderProcessControlSlip({ ...processControlSlip, applicant: { name: HOSTILE } }) },
];

describe.each(forms)('form $number ($title)', ({ number, title, render, hostile }) => {
  it('prints the national heading, the form number of Circular 01/2018/TT-VPCP, the title and the dossier code with its QR code', () => {
    // when
    const page = render();
    // then
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(page).toContain(`Mẫu số ${number}`);
    expect(page).toContain('01/2018/TT-VPCP');
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain(`<strong class="dossier-code">${DOSSIER_CODE}</strong>`);
    expect(page).toMatch(/<svg class="qr"[^>]*aria-label="Mã QR của hồ sơ 000\.00\.64\.H10-191120-0011"/);
    expect(page).toContain('@page { size: A4;');
    expect(page).not.toContain('<script');
  });

  it('escapes a hostile applicant name instead of letting it become markup', () => {
    // when
    const page = hostile();
    // then
    expect(page).toContain(ESCAPED);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
  });
});

describe('form 01, the receipt and appointment slip', () => {
  it('lists each document received with its copy type and quantity, the legal time, both instants in Hà Nội time and the register entry', () => {
    // when
    const page = renderReceiptSlip(receiptSlip);
    // then
    expect(page).toContain('<strong class="applicant">Nguyễn Thị Lan</strong>');
    expect(page).toContain('Nội dung yêu cầu giải quyết: Đăng ký thành lập doanh nghiệp tư nhân');
    expect(page).toContain('<td>Giấy đề nghị đăng ký doanh nghiệp</td><td>Bản chính</td><td class="number">01</td>');
    expect(page).toContain('<td>Căn cước công dân của chủ doanh nghiệp</td><td>Bản sao có chứng thực</td><td class="number">02</td>');
    expect(page).toContain('theo quy định là: 25 ngày làm việc');
    expect(page).toContain('<span class="received-at">08 giờ 37 phút, ngày 20 tháng 11 năm 2019</span>');
    expect(page).toContain('<strong class="appointment-at">08 giờ 37 phút, ngày 25 tháng 12 năm 2019</strong>');
    expect(page).toContain('Đăng ký nhận kết quả tại: Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Demo');
    expect(page).toContain('Quyển số: 03, Số thứ tự: 0011');
    expect(page).toContain('Số: 11/GTN');
    expect(page).toContain('Demo, ngày 20 tháng 11 năm 2019');
  });
});

describe('form 02, the request to supplement', () => {
  it('lists every missing component with its detail, the reason and how to reach the contact official', () => {
    // when
    const page = renderSupplementRequest(supplementRequest);
    // then
    expect(page.match(/<li>/g)).toHaveLength(2);
    expect(page).toContain('<li><span class="component">Điều lệ doanh nghiệp</span>: thiếu chữ ký của chủ doanh nghiệp</li>');
    expect(page).toContain('<li><span class="component">Danh sách chủ sở hữu hưởng lợi</span></li>');
    expect(page).toContain('<span class="reason">Hồ sơ chưa đủ thành phần theo quy định</span>');
    expect(page).toContain('liên hệ với Phạm Văn Đăng Ký, Phòng Đăng ký kinh doanh, số điện thoại 02431234567 để được hướng dẫn');
  });
});

describe('form 03, the refusal', () => {
  it('gives the reason and the legal basis of the refusal', () => {
    // when
    const page = renderRefusalNotice(refusalNotice);
    // then
    expect(page).toContain('<p class="reason">Tên doanh nghiệp trùng với tên doanh nghiệp đã đăng ký</p>');
    expect(page).toContain('căn cứ Điều 41 Luật Doanh nghiệp 2020');
  });
});

describe('form 04, the apology with a new appointment', () => {
  it('names the original appointment, the reason and the new appointment, signed by the head of the agency that caused the delay', () => {
    // when
    const page = renderApologyLetter(apologyLetter);
    // then
    expect(page).toContain('<div class="name">Sở Tài chính</div>');
    expect(page).toContain('<span class="original-appointment">08 giờ 37 phút, ngày 25 tháng 12 năm 2019</span>');
    expect(page).toContain('<span class="reason">Chờ ý kiến thẩm định của cơ quan phối hợp</span>');
    expect(page).toContain('<strong class="new-appointment">16 giờ 00 phút, ngày 27 tháng 12 năm 2019</strong>');
    expect(page).toContain('<div class="role">Giám đốc</div><div class="note">(Ký, ghi rõ họ tên và đóng dấu)</div><div class="name">Hoàng Văn Giám Đốc</div>');
  });
});

describe('form 05, the process control slip', () => {
  it('prints one row per hand-over with both units, the time and how the previous step went', () => {
    // when
    const page = renderProcessControlSlip(processControlSlip);
    // then
    const rows = page.match(/<tr class="hand-over">[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('1. Giao: Bộ phận Một cửa (Trần Văn Tiếp Nhận)<br>Nhận: Phòng Đăng ký kinh doanh');
    expect(rows[0]).toContain('<td>14:00 20/11/2019</td>');
    expect(rows[0]).toContain('<td class="result">Trước hạn</td>');
    expect(rows[1]).toContain('<td class="result">Đúng hạn</td>');
    expect(rows[2]).toContain('<td class="result">Quá hạn</td>');
    expect(rows[2]).toContain('<td>Chờ ký số</td>');
    expect(page).toContain('Cơ quan phối hợp giải quyết hồ sơ: Thuế cơ sở 1 tỉnh Demo; Công an tỉnh Demo');
  });
});
