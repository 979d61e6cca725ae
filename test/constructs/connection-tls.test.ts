/**
 * A CA bundle for a plain http:// endpoint is a contradiction (the CA is never used and the credentials go in
 * clear): every connection construct refuses it at synth, naming both props.
 */
import { ValidationError } from '../../src/constructs';
import { newStack, pairing } from './helpers';
import { sdrsGroup } from './sdrs-helpers';
import { vcdaSite } from './vcda-helpers';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isValidationError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const REFUSED = 'caBundleFile must not be set for a plain http:// endpoint (the CA would never be used and the credentials would go in clear): use an https:// endpoint, or remove caBundleFile';

test('VrPairing, VcdaSite and SdrsProtectionGroup refuse a CA bundle with an http:// endpoint, naming both props', () => {
  expect(errorOf(() => pairing(newStack(), { endpoint: 'http://vr-a.example.local', caBundleFile: 'certs/missing.pem' }))).toBe(
    `repliform/VrPairing at 'stack/site-a-to-b': ${REFUSED}, got 'certs/missing.pem' with endpoint 'http://vr-a.example.local'`,
  );
  expect(errorOf(() => vcdaSite(newStack(), { endpoint: 'http://vcda.example.local', caBundleFile: 'ca.pem' }))).toBe(
    `repliform/VcdaSite at 'stack/site1': ${REFUSED}, got 'ca.pem' with endpoint 'http://vcda.example.local'`,
  );
  expect(errorOf(() => sdrsGroup(newStack(), { endpoint: 'http://sdrs.example.local', caBundleFile: 'ca.pem' }))).toBe(
    `repliform/SdrsProtectionGroup at 'stack/web': ${REFUSED}, got 'ca.pem' with endpoint 'http://sdrs.example.local'`,
  );
});

test('a CA bundle with an https:// endpoint, and http:// without one, are accepted', () => {
  expect(() => pairing(newStack(), { endpoint: 'https://vr-a.example.local', caBundleFile: 'certs/ca.pem' })).not.toThrow();
  expect(() => pairing(newStack(), { endpoint: 'http://127.0.0.1:8443' })).not.toThrow();
});
