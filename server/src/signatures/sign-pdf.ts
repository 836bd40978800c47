/**
 * @module sign-pdf — embeds a PAdES signature in a PDF (ISO 32000-2 §12.8, ETSI EN 319 142-1): @signpdf adds the
 * signature field with its /ByteRange and /Contents placeholder (through pdf-lib, keeping the PDF/A metadata as it
 * is) and fills the placeholder with the CMS of cms-signature.ts over every byte but the placeholder itself.
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { createCmsSignature } from './cms-signature';
import type { DigestSigner } from './digest-signer';

/** Room for the CMS in the placeholder, in bytes: a 4-certificate RSA-4096 chain fits with room to spare. */
const SIGNATURE_BYTES = 16_384;

export interface SignPdfOptions {
  signer: DigestSigner;
  signingTime: Date;
  /** Why the document is signed, e.g. "Ký số kết quả giải quyết hồ sơ 000.00.64.H10-191120-0011". */
  reason: string;
  /** The signer's name as shown in the reader's signature panel. */
  name: string;
  location: string;
  contactInfo?: string;
}

class CmsSigner extends Signer {
  constructor(private readonly signer: DigestSigner) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    return createCmsSignature(content, this.signer, signingTime ?? new Date(0));
  }
}

/** The PDF with one more signature, PAdES (subfilter ETSI.CAdES.detached). */
export async function signPdf(pdf: Buffer, options: SignPdfOptions): Promise<Buffer> {
  const pdfDoc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc,
    reason: options.reason,
    contactInfo: options.contactInfo ?? '',
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Liên thông',
  });
  const prepared = Buffer.from(await pdfDoc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  return new SignPdf().sign(prepared, new CmsSigner(options.signer), options.signingTime);
}
