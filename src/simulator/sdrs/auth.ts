/**
 * SDRS authentication as the API gateway (APIG) does it: an AK/SK signature (`Authorization: SDK-HMAC-SHA256
 * Access=…, SignedHeaders=…, Signature=…` with `X-Sdk-Date` within 15 minutes of the simulator's clock, verified
 * with the client's own `verifySignature` over the exact method, path, query, signed headers and body bytes), or
 * an IAM token in `X-Auth-Token` (one the simulator issued with `POST /_sim/sdrs/tokens`, or the fixed test
 * token). A refusal is 401 `APIGW.0301` "Incorrect IAM authentication information: …" in APIG's flat shape.
 *
 * Endpoints served: none.
 */
import { verifySignature, type SignatureFailure } from '../../../lib/client/sdrs/signer';
import type { ServiceRequest } from '../core/service';
import type { SdrsContext } from './context';
import { authFailed } from './errors';

/** What APIG says for each refusal (its wording where known: "verify aksk signature fail", "x-auth-token not found"). */
const REFUSALS: Record<SignatureFailure, string> = {
  'missing-authorization': 'x-auth-token not found',
  'malformed-authorization': 'verify aksk signature fail, the Authorization header is malformed',
  'missing-date': 'verify aksk signature fail, X-Sdk-Date is missing or not signed',
  'unsigned-host': 'verify aksk signature fail, the host header is not signed',
  'unknown-access-key': 'ak not found',
  'stale-date': 'verify aksk signature fail, the request has expired',
  'signature-mismatch': 'verify aksk signature fail',
};

function header(request: ServiceRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The path and query as received (the query rebuilt from its parsed values: the signature sorts and re-encodes it anyway). */
function receivedUrl(request: ServiceRequest): string {
  const pairs = Object.entries(request.query).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${encodeURIComponent(key)}=${encodeURIComponent(item)}`));
  return pairs.length === 0 ? request.path : `${request.path}?${pairs.join('&')}`;
}

/** Throws 401 APIGW.0301 unless the request carries a valid token or a valid, fresh AK/SK signature. */
export function authenticate(request: ServiceRequest, context: SdrsContext): void {
  const token = header(request, 'x-auth-token');
  if (token !== undefined) {
    if (context.fixedTokens.includes(token) || context.state.tokens.includes(token)) return;
    throw authFailed('decrypt token fail');
  }
  const result = verifySignature(
    { method: request.method, url: receivedUrl(request), headers: request.headers, body: request.rawBody ?? '' },
    (accessKey) => context.accessKeys.find((key) => key.accessKey === accessKey)?.secretKey,
    context.clock.now(),
  );
  if (!result.ok) throw authFailed(REFUSALS[result.reason]);
}
