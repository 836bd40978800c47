/** Runs the SigningCertificateStore contract against the mongoose adapter, each test on a database of its own. */
import { createSigningCertificateCollection } from '../../server/src/persistence/mongo/signing-certificate-model';
import { MongoSigningCertificateStore } from '../../server/src/persistence/mongo/mongo-signing-certificate-store';
import { describeSigningCertificateStoreContract } from './signing-certificate-store.contract';
import { useContractDatabase } from './support/contract-database';

const { freshDb } = useContractDatabase('signing certificate store');

describeSigningCertificateStoreContract('mongoose', async () => new MongoSigningCertificateStore(await createSigningCertificateCollection(freshDb('signing-certificates'))));
