/**
 * @module supplement-request — form 02 of Circular 01/2018/TT-VPCP, the request to supplement and complete a dossier
 * (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ). The request is made once, in writing, listing every missing component
 * (DOMAIN.md "Supplements"), so the view takes the whole list.
 */
import { paragraph, type FormContent, type IssuingAgency } from './form-content';
import { renderFormPage } from './form-page';
import { formatVietnameseDate } from './vietnamese-date-time';

export interface SupplementRequestView {
  agency: IssuingAgency;
  receivingSection: string;
  documentNumber?: string;
  place: string;
  issuedAt: number;
  dossierCode: string;
  applicant: { name: string; address?: string };
  requestedMatter: string;
  receivedAt: number;
  /** Every component to add or correct, with what is wrong with it. */
  missingComponents: { name: string; detail?: string }[];
  reason: string;
  /** Whom the citizen may ask while completing the dossier. */
  contactOfficial: { name: string; unit?: string; phone?: string; email?: string };
  /** The official who gives the guidance and signs. */
  guidingOfficial: string;
}

/** Form 02's content, printed by form-page.ts (HTML) and form-pdf.ts (PDF). */
export function toSupplementRequestContent(view: SupplementRequestView): FormContent {
  const contact = view.contactOfficial;
  return {
    formNumber: '02',
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    agency: view.agency,
    ...(view.documentNumber ? { documentNumber: view.documentNumber } : {}),
    place: view.place,
    issuedAt: view.issuedAt,
    dossierCode: view.dossierCode,
    blocks: [
      paragraph(`${view.receivingSection} ${view.agency.name}`),
      paragraph('Tiếp nhận hồ sơ của: ', { text: view.applicant.name, strong: true, className: 'applicant' }),
      ...(view.applicant.address ? [paragraph(`Địa chỉ: ${view.applicant.address}`)] : []),
      paragraph(`Nội dung yêu cầu giải quyết: ${view.requestedMatter}`),
      paragraph(`Ngày tiếp nhận hồ sơ: ${formatVietnameseDate(view.receivedAt)}.`),
      paragraph(`Qua xem xét, ${view.receivingSection} yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`),
      {
        kind: 'list',
        className: 'missing',
        items: view.missingComponents.map((component) => [
          { text: component.name, className: 'component' },
          ...(component.detail ? [`: ${component.detail}`] : []),
        ]),
      },
      paragraph('Lý do: ', { text: view.reason, className: 'reason' }),
      paragraph(
        `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ${contact.name}${contact.unit ? `, ${contact.unit}` : ''}` +
          `${contact.phone ? `, số điện thoại ${contact.phone}` : ''}${contact.email ? `, email ${contact.email}` : ''} để được hướng dẫn.`,
      ),
      { kind: 'signatures', signatures: [undefined, { role: 'Người hướng dẫn', note: 'Ký và ghi rõ họ tên', name: view.guidingOfficial }] },
    ],
  };
}

/** Form 02 as a printable HTML page. */
export function renderSupplementRequest(view: SupplementRequestView): string {
  return renderFormPage(toSupplementRequestContent(view));
}
