/**
 * A self-signed certificate for the simulator's HTTPS mode, generated at start (CN 127.0.0.1, SAN 127.0.0.1,
 * ::1 and localhost). The PEM is exposed so clients can trust it as a CA bundle.
 *
 * Endpoints served: none.
 */
import { generate } from 'selfsigned';

export interface SimulatorCertificate {
  certPem: string;
  keyPem: string;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

export async function generateCertificate(now: Date = new Date()): Promise<SimulatorCertificate> {
  const result = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - ONE_DAY_MS),
    notAfterDate: new Date(now.getTime() + 30 * ONE_DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { certPem: result.cert, keyPem: result.private };
}
