/** @module form-fixtures — view models of one business registration dossier, for the form tests. */
import type { DossierTrackingBookView } from '../../../server/src/documents/dossier-tracking-book';
import type { ApologyLetterView } from '../../../server/src/documents/apology-letter';
import type { ProcessControlSlipView } from '../../../server/src/documents/process-control-slip';
import type { ReceiptSlipView } from '../../../server/src/documents/receipt-slip';
import type { RefusalNoticeView } from '../../../server/src/documents/refusal-notice';
import type { SupplementRequestView } from '../../../server/src/documents/supplement-request';

/** Wed 20/11/2019 08:37 and Wed 25/12/2019 08:37 in Hà Nội: the 25-working-day example of DOMAIN.md. */
export const RECEIVED_AT = Date.UTC(2019, 10, 20, 1, 37);
export const APPOINTMENT_AT = Date.UTC(2019, 11, 25, 1, 37);
export const DOSSIER_CODE = '000.00.64.H10-191120-0011';

const agency = { parentName: 'UBND tỉnh Demo', name: 'Trung tâm Phục vụ hành chính công' };
const applicant = { name: 'Nguyễn Thị Lan', address: 'Thôn Đông, xã Demo', phone: '0912345678', email: 'lan@example.vn' };

export const receiptSlip: ReceiptSlipView = {
  agency,
  receivingSection: 'Bộ phận Một cửa',
  documentNumber: '11/GTN',
  place: 'Demo',
  dossierCode: DOSSIER_CODE,
  applicant,
  requestedMatter: 'Đăng ký thành lập doanh nghiệp tư nhân',
  documents: [
    { name: 'Giấy đề nghị đăng ký doanh nghiệp', copyType: 'original', quantity: 1 },
    { name: 'Căn cước công dân của chủ doanh nghiệp', copyType: 'certifiedCopy', quantity: 2 },
  ],
  legalProcessingTime: { amount: 25, unit: 'workingDays' },
  receivedAt: RECEIVED_AT,
  appointmentAt: APPOINTMENT_AT,
  resultReturnedAt: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh Demo',
  register: { book: '03', number: '0011' },
  receivingOfficial: 'Trần Văn Tiếp Nhận',
};

export const supplementRequest: SupplementRequestView = {
  agency,
  receivingSection: 'Bộ phận Một cửa',
  place: 'Demo',
  issuedAt: Date.UTC(2019, 10, 21, 2, 0),
  dossierCode: DOSSIER_CODE,
  applicant,
  requestedMatter: receiptSlip.requestedMatter,
  receivedAt: RECEIVED_AT,
  missingComponents: [
    { name: 'Điều lệ doanh nghiệp', detail: 'thiếu chữ ký của chủ doanh nghiệp' },
    { name: 'Danh sách chủ sở hữu hưởng lợi' },
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định',
  contactOfficial: { name: 'Phạm Văn Đăng Ký', unit: 'Phòng Đăng ký kinh doanh', phone: '02431234567' },
  guidingOfficial: 'Trần Văn Tiếp Nhận',
};

export const refusalNotice: RefusalNoticeView = {
  agency,
  receivingSection: 'Bộ phận Một cửa',
  place: 'Demo',
  issuedAt: RECEIVED_AT,
  dossierCode: DOSSIER_CODE,
  applicant,
  requestedMatter: receiptSlip.requestedMatter,
  reason: 'Tên doanh nghiệp trùng với tên doanh nghiệp đã đăng ký',
  legalBasis: 'Điều 41 Luật Doanh nghiệp 2020',
  receivingOfficial: 'Trần Văn Tiếp Nhận',
};

export const apologyLetter: ApologyLetterView = {
  agency: { parentName: 'UBND tỉnh Demo', name: 'Sở Tài chính' },
  documentNumber: '25/PXL-STC',
  place: 'Demo',
  issuedAt: Date.UTC(2019, 11, 24, 8, 0),
  dossierCode: DOSSIER_CODE,
  applicant,
  requestedMatter: receiptSlip.requestedMatter,
  receivedAt: RECEIVED_AT,
  originalAppointmentAt: APPOINTMENT_AT,
  reason: 'Chờ ý kiến thẩm định của cơ quan phối hợp',
  newAppointmentAt: Date.UTC(2019, 11, 27, 9, 0),
  headOfAgency: { title: 'Giám đốc', name: 'Hoàng Văn Giám Đốc' },
};

export const processControlSlip: ProcessControlSlipView = {
  agency,
  place: 'Demo',
  issuedAt: RECEIVED_AT,
  dossierCode: DOSSIER_CODE,
  applicant,
  requestedMatter: receiptSlip.requestedMatter,
  receivedAt: RECEIVED_AT,
  appointmentAt: APPOINTMENT_AT,
  leadAgency: 'Sở Tài chính',
  coordinatingAgencies: ['Thuế cơ sở 1 tỉnh Demo', 'Công an tỉnh Demo'],
  handOvers: [
    { from: { unit: 'Bộ phận Một cửa', person: 'Trần Văn Tiếp Nhận' }, to: { unit: 'Phòng Đăng ký kinh doanh' }, at: Date.UTC(2019, 10, 20, 7, 0), previousStepResult: 'early' },
    { from: { unit: 'Phòng Đăng ký kinh doanh' }, to: { unit: 'Lãnh đạo Sở Tài chính' }, at: Date.UTC(2019, 11, 20, 3, 0), previousStepResult: 'onTime' },
    { from: { unit: 'Lãnh đạo Sở Tài chính' }, to: { unit: 'Bộ phận Một cửa' }, at: Date.UTC(2019, 11, 26, 3, 0), previousStepResult: 'overdue', note: 'Chờ ký số' },
  ],
};

/** Form 06: the tracking book of the one-stop centre over one week, one dossier returned, one still open. */
export const trackingBook: DossierTrackingBookView = {
  agency: { parentName: 'UBND tỉnh Demo', name: 'Trung tâm Phục vụ hành chính công' },
  place: 'Demo',
  issuedAt: Date.UTC(2019, 10, 25, 2),
  period: { from: Date.UTC(2019, 10, 17, 17), to: Date.UTC(2019, 10, 24, 17) },
  entries: [
    {
      dossierCode: DOSSIER_CODE,
      procedureName: 'Đăng ký thành lập doanh nghiệp tư nhân',
      applicant: { name: 'Nguyễn Thị Lan', address: 'Thôn Đông, xã Demo', phone: '0912345678' },
      leadAgency: 'Sở Tài chính',
      receivedAt: Date.UTC(2019, 10, 20, 1, 37),
      appointmentAt: Date.UTC(2019, 11, 25, 1, 37),
      note: 'Liên thông thuế',
    },
    {
      dossierCode: '000.00.64.H10-191121-0002',
      procedureName: 'Cấp bản sao trích lục hộ tịch',
      sets: 2,
      applicant: { name: 'Đặng Văn Hùng' },
      leadAgency: 'UBND xã Demo',
      receivedAt: Date.UTC(2019, 10, 21, 8),
      appointmentAt: Date.UTC(2019, 10, 22, 8),
      returnedAt: Date.UTC(2019, 10, 22, 3, 15),
    },
  ],
};
