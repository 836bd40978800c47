/** Runs the SigningCertificateStore contract against the in-memory adapter. */
import { MemorySigningCertificateStore } from '../../server/src/persistence/memory/memory-signing-certificate-store';
import { describeSigningCertificateStoreContract } from './signing-certificate-store.contract';

describeSigningCertificateStoreContract('memory', async () => new MemorySigningCertificateStore());
