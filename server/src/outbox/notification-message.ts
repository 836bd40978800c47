/**
 * @module notification-message — the Vietnamese words of each notification: a subject and a plain-text body for
 * e-mail, a short text for SMS/Zalo, and a template name with its parameters for gateways that send their own
 * registered templates (Zalo ZNS templates are registered in advance, so the gateway gets both). The citizen's template
 * names and parameters are what the province maps to its ZNS template ids and brand-name SMS texts
 * (citizen-channels-config.ts).
 */
import { formatShortDateTime } from '../documents/vietnamese-date-time';
import type { CitizenNotificationPayload, OfficialNotificationPayload } from './outbox-payloads';

export interface NotificationMessage {
  template: string;
  params: Record<string, string>;
  subject: string;
  /** E-mail body. */
  text: string;
  /** One line for SMS and Zalo, without diacritics: an SMS in GSM 7-bit holds 160 characters, in UCS-2 only 70. */
  shortText: string;
}

interface Wording {
  subject: string;
  body: string;
  short: string;
}

const FOOTER = '\n\nĐây là thư tự động của hệ thống Liên thông; xin không trả lời thư này.';
const time = (at: number | undefined) => (at === undefined ? '' : formatShortDateTime(at));

function officialWording(p: OfficialNotificationPayload, what: string, due: string): Wording {
  const code = p.dossierCode;
  switch (p.event) {
    case 'step.activated':
    case 'step.reassigned':
      return {
        subject: `[Liên thông] Hồ sơ mới cần xử lý: ${code}`,
        body: `Hồ sơ ${code} đã được chuyển đến ${what} và đang chờ đơn vị/anh/chị xử lý.`,
        short: `Ho so ${code} cho xu ly${due ? `, han ${due}` : ''}.`,
      };
    case 'step.nearly_due':
    case 'dossier.nearly_due':
      return {
        subject: `[Liên thông] Hồ sơ sắp đến hạn: ${code}`,
        body: `${capitalise(what)} của hồ sơ ${code} sắp đến hạn. Đề nghị xử lý để bảo đảm đúng hạn.`,
        short: `Ho so ${code} sap den han${due ? ` (${due})` : ''}.`,
      };
    case 'step.overdue':
    case 'dossier.overdue':
      return {
        subject: `[Liên thông] Hồ sơ quá hạn: ${code}`,
        body: `${capitalise(what)} của hồ sơ ${code} đã quá hạn. Đề nghị xử lý ngay; nếu hồ sơ sẽ trễ hẹn, lập văn bản xin lỗi và hẹn lại ngày trả kết quả.`,
        short: `Ho so ${code} QUA HAN.`,
      };
    case 'step.escalated':
    case 'dossier.escalated':
      return {
        subject: `[Liên thông] Hồ sơ quá hạn cần chỉ đạo: ${code}`,
        body: `${capitalise(what)} của hồ sơ ${code} đã quá hạn và được báo cáo để anh/chị chỉ đạo xử lý.`,
        short: `Ho so ${code} qua han, can chi dao.`,
      };
    default:
      return { subject: `[Liên thông] Hồ sơ ${code} có cập nhật`, body: `Hồ sơ ${code} có cập nhật mới (${p.event}).`, short: `Ho so ${code} co cap nhat.` };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function toOfficialMessage(p: OfficialNotificationPayload): NotificationMessage {
  const due = time(p.dueAt);
  const what = p.stepName ? `bước "${p.stepName}"` : 'thời hạn giải quyết';
  const wording = officialWording(p, what, due);
  const procedure = p.procedureName ? `\nThủ tục: ${p.procedureName}.` : '';
  return {
    template: `official.${p.event}`,
    params: { dossierCode: p.dossierCode, stepName: p.stepName ?? '', procedureName: p.procedureName ?? '', dueAt: due },
    subject: wording.subject,
    text: `${wording.body}${procedure}${due ? `\nHạn xử lý: ${due}.` : ''}${FOOTER}`,
    shortText: wording.short,
  };
}

function citizenWording(p: CitizenNotificationPayload): Wording {
  const code = p.dossierCode;
  const appointment = time(p.newAppointmentAt ?? p.appointmentAt);
  const reason = p.reason ? `\nLý do: ${p.reason}` : '';
  switch (p.event) {
    case 'dossier.received':
      return {
        subject: `Hồ sơ ${code} đã được tiếp nhận`,
        body: `Hồ sơ của Ông/Bà đã được tiếp nhận${p.agencyName ? ` tại ${p.agencyName}` : ''} với mã hồ sơ ${code}.${appointment ? `\nNgày hẹn trả kết quả: ${appointment}.` : ''}\nÔng/Bà có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ và số giấy tờ tùy thân.`,
        short: `Ho so ${code} da duoc tiep nhan${appointment ? `, hen tra ${appointment}` : ''}.`,
      };
    case 'dossier.refused':
      return { subject: `Hồ sơ ${code} không được tiếp nhận`, body: `Hồ sơ ${code} không được tiếp nhận.${reason}`, short: `Ho so ${code} khong duoc tiep nhan.` };
    case 'supplement.requested':
      return {
        subject: `Hồ sơ ${code} cần bổ sung giấy tờ`,
        body: `Hồ sơ ${code} cần được bổ sung, hoàn thiện${p.missing?.length ? ` các giấy tờ sau:\n${p.missing.map((item) => `- ${item}`).join('\n')}` : '.'}${reason}\nĐề nghị Ông/Bà bổ sung hồ sơ theo phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.`,
        short: `Ho so ${code} can bo sung giay to. Vui long xem phieu yeu cau bo sung.`,
      };
    case 'supplement.window_closing':
      return {
        subject: `Hồ sơ ${code} sắp hết hạn bổ sung`,
        body: `Thời hạn bổ sung hồ sơ ${code} sắp kết thúc${p.windowDueAt !== undefined ? ` (${time(p.windowDueAt)})` : ''}. Quá thời hạn này hồ sơ có thể bị từ chối.`,
        short: `Ho so ${code} sap het han bo sung.`,
      };
    case 'processing.stopped':
      return { subject: `Hồ sơ ${code} dừng xử lý`, body: `Hồ sơ ${code} đã dừng xử lý.${reason}`, short: `Ho so ${code} dung xu ly.` };
    case 'result.ready':
      return {
        subject: `Hồ sơ ${code} đã có kết quả`,
        body: `Hồ sơ ${code} đã được giải quyết xong. Mời Ông/Bà đến nhận kết quả${p.agencyName ? ` tại ${p.agencyName}` : ''} (hoặc theo hình thức đã đăng ký).`,
        short: `Ho so ${code} da co ket qua. Moi Ong/Ba den nhan.`,
      };
    case 'dossier.reappointed':
      return {
        subject: `Hồ sơ ${code}: thư xin lỗi và hẹn lại ngày trả kết quả`,
        body: `Cơ quan giải quyết xin lỗi Ông/Bà vì hồ sơ ${code} chưa trả kết quả đúng hẹn.${reason}${appointment ? `\nNgày hẹn trả kết quả mới: ${appointment}.` : ''}`,
        short: `Ho so ${code} hen lai ngay tra ket qua${appointment ? `: ${appointment}` : ''}.`,
      };
    default:
      return { subject: `Hồ sơ ${code} có cập nhật`, body: `Hồ sơ ${code} có cập nhật mới.`, short: `Ho so ${code} co cap nhat.` };
  }
}

export function toCitizenMessage(p: CitizenNotificationPayload): NotificationMessage {
  const wording = citizenWording(p);
  const procedure = p.procedureName ? `\nThủ tục: ${p.procedureName}.` : '';
  return {
    template: `citizen.${p.event}`,
    params: {
      name: p.applicant.name,
      dossierCode: p.dossierCode,
      procedureName: p.procedureName ?? '',
      appointmentAt: time(p.newAppointmentAt ?? p.appointmentAt),
      missing: (p.missing ?? []).join('; '),
      agencyName: p.agencyName ?? '',
      reason: p.reason ?? '',
    },
    subject: wording.subject,
    text: `Kính gửi Ông/Bà ${p.applicant.name},\n\n${wording.body}${procedure}${FOOTER}`,
    shortText: wording.short,
  };
}
