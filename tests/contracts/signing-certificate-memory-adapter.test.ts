/** Runs the SigningCertificateStore contract against the in-memory adapter, in province 01 beside province 79's records. */
import { MemorySigningCertificateStore } from '../../server/src/persistence/memory/memory-signing-certificate-store';
import { describeSigningCertificateStoreContract } from './signing-certificate-store.contract';
import { partitionedByProvince } from '../../server/src/persistence/memory/province-partitioned';
import { actInHomeProvince, besideNeighbour } from './support/beside-neighbour';
import { neighbourSigningCertificates } from './support/neighbour-records';

actInHomeProvince();

describeSigningCertificateStoreContract('memory', besideNeighbour(async () => partitionedByProvince(MemorySigningCertificateStore), neighbourSigningCertificates));
