/**
 * @module cms-signature — the CMS SignedData (RFC 5652 §5) of a PAdES signature (ETSI EN 319 142-1, PAdES-B-B):
 * detached, SHA-256, with the signed attributes content-type, message-digest, signing-time and ESS
 * signing-certificate-v2 (RFC 5035 §3, which binds the signer's certificate to the signature), and the certificate
 * chain. node-forge encodes the ASN.1; the private key never has to be here: the `DigestSigner` signs the digest of
 * the signed attributes (RFC 5652 §5.4), possibly in a remote HSM.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { DigestSigner } from './digest-signer';

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};

const seq = (value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, value);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const integer = (value: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const algorithm = (id: string) => seq([oid(id), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]);
const attribute = (id: string, value: forge.asn1.Asn1) => seq([oid(id), set([value])]);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** RFC 5280 §4.1.2.5: UTCTime until 2049, GeneralizedTime after. */
function time(at: Date): forge.asn1.Asn1 {
  return at.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(at))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(at));
}

/** The DER CMS signature of `content` (the PDF's byte ranges), signed by `signer` at `signingTime`. */
export async function createCmsSignature(content: Buffer, signer: DigestSigner, signingTime: Date): Promise<Buffer> {
  const chain = signer.certificateChain.map((pem) => forge.pki.certificateToAsn1(forge.pki.certificateFromPem(pem)));
  const own = chain[0];
  if (!own) throw new Error('A signer needs a certificate');
  const tbs = own.value[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  // TBSCertificate: [0] version, serialNumber, signature, issuer, … (RFC 5280 §4.1)
  const offset = (fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0);
  const serialNumber = fields[offset]!;
  const issuer = fields[offset + 2]!;
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE { certHash } (SHA-256 by default)
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(der(own)).digest())])])])),
  ];
  // RFC 5652 §5.4: the signature covers the DER of the attributes as a SET OF, then goes in as [0] IMPLICIT.
  const signature = await signer.signDigest(createHash('sha256').update(der(set(signedAttributes))).digest());
  const signerInfo = seq([
    integer(1),
    seq([issuer, serialNumber]),
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
    algorithm(OID.sha256WithRsa),
    octets(signature),
  ]);
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, chain),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
