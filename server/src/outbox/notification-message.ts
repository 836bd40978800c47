/**
 * @module toNotificationMessage — the Vietnamese words of each notification: a subject and a plain-text body for
 * e-mail, a short text for SMS/Zalo, and the template name with its parameters for gateways that fill their own
 * registered templates (Zalo ZNS templates must be registered in advance, so the gateway gets both).
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

const FOOTER = '\n\nĐây là thư tự động của hệ thống Liên thông; xin không trả lời thư này.';

export function toOfficialMessage(payload: OfficialNotificationPayload): NotificationMessage {
  const due = payload.dueAt !== undefined ? formatShortDateTime(payload.dueAt) : '';
  const params = { dossierCode: payload.dossierCode, stepName: payload.stepName, procedureName: payload.procedureName ?? '', dueAt: due };
  const procedure = payload.procedureName ? ` (${payload.procedureName})` : '';
  const dueLine = due ? `\nHạn xử lý: ${due}.` : '';
  switch (payload.kind) {
    case 'step.assigned':
      return {
        template: 'official.step_assigned',
        params,
        subject: `[Liên thông] Hồ sơ mới cần xử lý: ${payload.dossierCode}`,
        text: `Hồ sơ ${payload.dossierCode}${procedure} đã được chuyển đến bước "${payload.stepName}" và đang chờ anh/chị xử lý.${dueLine}${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} cho xu ly: ${payload.stepName}${due ? `, han ${due}` : ''}.`,
      };
    case 'step.nearly_due':
      return {
        template: 'official.step_nearly_due',
        params,
        subject: `[Liên thông] Hồ sơ sắp đến hạn: ${payload.dossierCode}`,
        text: `Bước "${payload.stepName}" của hồ sơ ${payload.dossierCode}${procedure} sắp đến hạn.${dueLine}\nĐề nghị anh/chị xử lý để bảo đảm đúng hạn.${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} sap den han (${payload.stepName})${due ? `, han ${due}` : ''}.`,
      };
    case 'step.overdue':
      return {
        template: 'official.step_overdue',
        params,
        subject: `[Liên thông] Hồ sơ quá hạn: ${payload.dossierCode}`,
        text: `Bước "${payload.stepName}" của hồ sơ ${payload.dossierCode}${procedure} đã quá hạn.${dueLine}\nĐề nghị anh/chị xử lý ngay và, nếu hồ sơ sẽ trễ hẹn, lập văn bản xin lỗi và hẹn lại ngày trả kết quả.${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} QUA HAN (${payload.stepName}).`,
      };
    case 'step.escalated':
      return {
        template: 'official.step_escalated',
        params,
        subject: `[Liên thông] Hồ sơ quá hạn được báo cáo lên anh/chị: ${payload.dossierCode}`,
        text: `Bước "${payload.stepName}" của hồ sơ ${payload.dossierCode}${procedure} đã quá hạn và được báo cáo để anh/chị chỉ đạo xử lý.${dueLine}${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} qua han, can chi dao (${payload.stepName}).`,
      };
  }
}

export function toCitizenMessage(payload: CitizenNotificationPayload): NotificationMessage {
  const appointment = payload.appointmentAt !== undefined ? formatShortDateTime(payload.appointmentAt) : '';
  const params = {
    name: payload.citizen.name,
    dossierCode: payload.dossierCode,
    procedureName: payload.procedureName ?? '',
    appointmentAt: appointment,
    missing: (payload.missing ?? []).join('; '),
  };
  const greeting = `Kính gửi Ông/Bà ${payload.citizen.name},\n\n`;
  const procedure = payload.procedureName ? ` về thủ tục "${payload.procedureName}"` : '';
  const agency = payload.agencyName ? ` tại ${payload.agencyName}` : '';
  switch (payload.kind) {
    case 'dossier.received':
      return {
        template: 'citizen.dossier_received',
        params,
        subject: `Hồ sơ ${payload.dossierCode} đã được tiếp nhận`,
        text: `${greeting}Hồ sơ${procedure} của Ông/Bà đã được tiếp nhận${agency} với mã hồ sơ ${payload.dossierCode}.${appointment ? `\nNgày hẹn trả kết quả: ${appointment}.` : ''}\nÔng/Bà có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ và số giấy tờ tùy thân.${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} da duoc tiep nhan${appointment ? `, hen tra ${appointment}` : ''}.`,
      };
    case 'supplement.requested':
      return {
        template: 'citizen.supplement_requested',
        params,
        subject: `Hồ sơ ${payload.dossierCode} cần bổ sung giấy tờ`,
        text: `${greeting}Hồ sơ ${payload.dossierCode}${procedure} cần được bổ sung, hoàn thiện các giấy tờ sau:\n${(payload.missing ?? []).map((item) => `- ${item}`).join('\n')}${payload.note ? `\nLý do: ${payload.note}` : ''}\nĐề nghị Ông/Bà bổ sung hồ sơ theo phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} can bo sung giay to. Vui long xem phieu yeu cau bo sung.`,
      };
    case 'result.ready':
      return {
        template: 'citizen.result_ready',
        params,
        subject: `Hồ sơ ${payload.dossierCode} đã có kết quả`,
        text: `${greeting}Hồ sơ ${payload.dossierCode}${procedure} đã được giải quyết xong. Mời Ông/Bà đến nhận kết quả${agency} (hoặc theo hình thức đã đăng ký).${FOOTER}`,
        shortText: `Ho so ${payload.dossierCode} da co ket qua. Moi Ong/Ba den nhan.`,
      };
  }
}
