/** Runs the SigningCertificateStore contract against the mongoose adapter, each test on a database of its own, in province 01 beside province 79's records (support/beside-neighbour.ts). */
import { createSigningCertificateCollection } from '../../server/src/persistence/mongo/signing-certificate-model';
import { MongoSigningCertificateStore } from '../../server/src/persistence/mongo/mongo-signing-certificate-store';
import { describeSigningCertificateStoreContract } from './signing-certificate-store.contract';
import { useContractDatabase } from './support/contract-database';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourSigningCertificates } from './support/neighbour-records';

const { freshDb } = useContractDatabase('signing certificate store');

actInHomeProvince();

describeSigningCertificateStoreContract('mongoose', besideNeighbour(async () => new MongoSigningCertificateStore(await createSigningCertificateCollection(freshDb('signing-certificates'))), neighbourSigningCertificates));
