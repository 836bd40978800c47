/**
 * @module verify-pdf-signatures — checks every signature of a PDF the way a relying party must (ETSI EN 319 102-1
 * §5, basic validation): the signed byte ranges still hash to the CMS message-digest (the document is unchanged) and
 * the last one covers the whole file; the signature verifies with the signer's certificate; the certificate chains,
 * through the certificates in the CMS, to an anchor of the configured trust list (for Vietnam, the root CA of the
 * national electronic signature service, Decree 130/2018/NĐ-CP); and every certificate of that chain was valid at the
 * signing time. Each verdict carries a stable code and a Vietnamese sentence for the official.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { commonName } from './certificate-path';
import forge from 'node-forge';
import { formatVietnameseDateTime } from '../documents/vietnamese-date-time';
import { validateCertificatePath } from './certificate-path';
import { SignatureError, type SignatureErrorCode } from './signature-error';

const { asn1 } = forge;
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const SHA256 = '2.16.840.1.101.3.4.2.1';
/** More signatures than a document of a procedure ever carries: past this the file is refused unread (bounded work). */
const MAX_SIGNATURES = 20;
/** Clocks drift: a signing time up to five minutes ahead of ours is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface SignatureVerdict {
  valid: boolean;
  /** Absent when valid. */
  code?: SignatureErrorCode;
  /** One Vietnamese sentence: the verdict and its reason. */
  message: string;
  signer?: string;
  signingTime?: string;
}

export interface PdfSignatureReport {
  /** True when the PDF has at least one signature and every one is valid. */
  valid: boolean;
  code?: SignatureErrorCode;
  message: string;
  signatures: SignatureVerdict[];
}

export interface VerifyOptions {
  /** PEM certificates of the trust list. */
  trustAnchors: string[];
  now: Date;
}

function refusal(code: SignatureErrorCode, message: string): SignatureError {
  return new SignatureError({ code, message });
}

const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const oidOf = (node: forge.asn1.Asn1 | undefined) => (node && typeof node.value === 'string' ? asn1.derToOid(node.value) : '');

/** The /ByteRange arrays of the signature dictionaries, in file order. */
function byteRangesOf(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((match) => match.slice(1, 5).map(Number));
}

interface ParsedCms {
  certificates: X509Certificate[];
  digestAlgorithm: string;
  signedAttributes: forge.asn1.Asn1[];
  signature: Buffer;
}

function parseCms(bytes: Buffer): ParsedCms {
  try {
    // The placeholder is padded with zeros after the DER: parse the first structure only (node-forge ≥ 1.0 option).
    const contentInfo = asn1.fromDer(bytes.toString('binary'), { parseAllBytes: false } as unknown as boolean);
    const signedData = ((contentInfo.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const certificateSet = signedData.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
    const signerInfos = signedData.at(-1)!.value as forge.asn1.Asn1[];
    const signerInfo = signerInfos[0]!.value as forge.asn1.Asn1[];
    const attributes = signerInfo.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0);
    const signature = signerInfo.find((node, index) => index > 3 && node.type === asn1.Type.OCTETSTRING && node.tagClass === asn1.Class.UNIVERSAL);
    if (!attributes || !signature) throw new Error('no signed attributes');
    return {
      certificates: ((certificateSet?.value as forge.asn1.Asn1[] | undefined) ?? []).map((node) => new X509Certificate(der(node))),
      digestAlgorithm: oidOf((signerInfo[2]!.value as forge.asn1.Asn1[])[0]),
      signedAttributes: attributes.value as forge.asn1.Asn1[],
      signature: Buffer.from(signature.value as string, 'binary'),
    };
  } catch {
    throw refusal('SIGNATURE_INVALID', 'Chữ ký số không đúng cấu trúc CMS (RFC 5652), không kiểm tra được.');
  }
}

function attributeValue(attributes: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  const found = attributes.find((node) => oidOf((node.value as forge.asn1.Asn1[])[0]) === oid);
  return found ? ((found.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0] : undefined;
}

function verifyOne(pdf: Buffer, range: number[], isLast: boolean, options: VerifyOptions): SignatureVerdict {
  const [start, firstLength, second, secondLength] = range as [number, number, number, number];
  if (start !== 0 || firstLength >= second || second + secondLength > pdf.length || pdf[firstLength] !== 0x3c || pdf[second - 1] !== 0x3e) {
    throw refusal('DOCUMENT_MODIFIED', 'Vùng dữ liệu được ký (ByteRange) không hợp lệ: tài liệu đã bị sửa.');
  }
  const cms = parseCms(Buffer.from(pdf.subarray(firstLength + 1, second - 1).toString('latin1'), 'hex'));
  if (cms.digestAlgorithm !== SHA256) throw refusal('SIGNATURE_INVALID', 'Chữ ký số không dùng thuật toán băm SHA-256.');
  const signedContent = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(second, second + secondLength)]);
  const messageDigest = attributeValue(cms.signedAttributes, MESSAGE_DIGEST);
  const digest = createHash('sha256').update(signedContent).digest();
  if (!messageDigest || !digest.equals(Buffer.from(messageDigest.value as string, 'binary'))) {
    throw refusal('DOCUMENT_MODIFIED', 'Tài liệu đã bị thay đổi sau khi ký: mã băm SHA-256 của nội dung không khớp với mã băm trong chữ ký.');
  }
  const signedAttributes = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, cms.signedAttributes));
  const signer = cms.certificates.find((certificate) => {
    try {
      return verify('sha256', signedAttributes, certificate.publicKey, cms.signature);
    } catch {
      return false;
    }
  });
  if (!signer) throw refusal('SIGNATURE_INVALID', 'Chữ ký số không hợp lệ: chữ ký không khớp với chứng thư số nào kèm theo.');
  const essCertificate = attributeValue(cms.signedAttributes, SIGNING_CERTIFICATE_V2);
  if (essCertificate) {
    const certHash = ((((essCertificate.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]).at(-1)!.value) as string;
    if (!createHash('sha256').update(signer.raw).digest().equals(Buffer.from(certHash, 'binary'))) {
      throw refusal('SIGNATURE_INVALID', 'Chữ ký số không hợp lệ: chứng thư số được ký kèm không phải chứng thư của người ký.');
    }
  }
  const timeNode = attributeValue(cms.signedAttributes, SIGNING_TIME);
  const signingTime = timeNode
    ? timeNode.type === asn1.Type.UTCTIME
      ? asn1.utcTimeToDate(timeNode.value as string)
      : asn1.generalizedTimeToDate(timeNode.value as string)
    : options.now;
  const at = formatVietnameseDateTime(signingTime.getTime());
  if (signingTime.getTime() > options.now.getTime() + CLOCK_SKEW_MS) throw refusal('SIGNING_TIME_IN_FUTURE', `Thời điểm ký (${at}) ở tương lai.`);
  validateCertificatePath(signer, cms.certificates, options.trustAnchors.map((pem) => new X509Certificate(pem)), signingTime);
  if (isLast && second + secondLength !== pdf.length) {
    throw refusal('DOCUMENT_MODIFIED', 'Tài liệu có nội dung được thêm vào sau chữ ký số cuối cùng.');
  }
  return {
    valid: true,
    message: `Chữ ký số hợp lệ: ký bởi ${commonName(signer)} lúc ${at}; tài liệu không bị thay đổi sau khi ký.`,
    signer: commonName(signer),
    signingTime: signingTime.toISOString(),
  };
}

/** The verdict on each signature of `pdf`, and on the whole: never throws for a bad signature, it reports it. */
export function verifyPdfSignatures(pdf: Buffer, options: VerifyOptions): PdfSignatureReport {
  const ranges = byteRangesOf(pdf);
  if (ranges.length === 0) return { valid: false, code: 'NOT_SIGNED', message: 'Tài liệu không có chữ ký số.', signatures: [] };
  if (ranges.length > MAX_SIGNATURES) {
    return { valid: false, code: 'PDF_UNREADABLE', message: `Tài liệu có hơn ${MAX_SIGNATURES} chữ ký số, không kiểm tra.`, signatures: [] };
  }
  const signatures = ranges.map((range, index): SignatureVerdict => {
    try {
      return verifyOne(pdf, range, index === ranges.length - 1, options);
    } catch (error) {
      if (!(error instanceof SignatureError)) throw error;
      return { valid: false, code: error.code, message: error.message };
    }
  });
  const refused = signatures.find((signature) => !signature.valid);
  return refused
    ? { valid: false, code: refused.code!, message: refused.message, signatures }
    : { valid: true, message: signatures.map((signature) => signature.message).join(' '), signatures };
}
