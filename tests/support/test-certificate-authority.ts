/**
 * @module test-certificate-authority — a certificate authority made in the test (node-forge, RSA-2048, SHA-256): a
 * root, an intermediate and signing certificates for officials, each with the validity the test asks for, and the
 * official's PKCS#12 file. Nothing is read from disk; every test run has fresh keys.
 */
import forge from 'node-forge';

export interface IssuedCertificate {
  pem: string;
  privateKeyPem: string;
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
}

let serial = 0;

function subjectOf(commonName: string): forge.pki.CertificateField[] {
  return [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: 'Tổ chức chứng thực thử nghiệm', valueTagClass: forge.asn1.Type.UTF8 as never },
    { shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as never },
  ];
}

/** One certificate: self-signed when `issuer` is absent; a CA when `ca` is true. */
export function issueCertificate(options: { commonName: string; issuer?: IssuedCertificate; ca: boolean; notBefore: Date; notAfter: Date }): IssuedCertificate {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  serial += 1;
  certificate.serialNumber = `0${serial.toString(16)}${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  certificate.validity.notBefore = options.notBefore;
  certificate.validity.notAfter = options.notAfter;
  certificate.setSubject(subjectOf(options.commonName));
  certificate.setIssuer(options.issuer ? options.issuer.certificate.subject.attributes : subjectOf(options.commonName));
  certificate.setExtensions([
    { name: 'basicConstraints', cA: options.ca, critical: true },
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(options.issuer?.privateKey ?? keys.privateKey, forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(certificate), privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey), certificate, privateKey: keys.privateKey };
}

export interface TestCertificateAuthority {
  root: IssuedCertificate;
  intermediate: IssuedCertificate;
  /** A signing certificate for an official, valid from `notBefore` to `notAfter`. */
  issueOfficial(commonName: string, validity: { notBefore: Date; notAfter: Date }): IssuedCertificate;
}

/** A root valid 2020–2040 and an intermediate under it, as a national signing CA hierarchy is. */
export function createTestCertificateAuthority(name = 'CA thử nghiệm'): TestCertificateAuthority {
  const validity = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2040-01-01T00:00:00Z') };
  const root = issueCertificate({ commonName: `${name} gốc`, ca: true, ...validity });
  const intermediate = issueCertificate({ commonName: `${name} cấp dưới`, issuer: root, ca: true, ...validity });
  return {
    root,
    intermediate,
    issueOfficial: (commonName, officialValidity) => issueCertificate({ commonName, issuer: intermediate, ca: false, ...officialValidity }),
  };
}

/** The official's PKCS#12 file (RFC 7292): key, own certificate and the intermediate, under `password`. */
export function toPkcs12(official: IssuedCertificate, chain: IssuedCertificate[], password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(official.privateKey, [official.certificate, ...chain.map((c) => c.certificate)], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
