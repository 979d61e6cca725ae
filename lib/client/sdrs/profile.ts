/**
 * How Huawei Cloud SDRS plugs into the generic client layer: its two error shapes (`{"error"|"badrequest"|
 * "itemNotFound": {code, message}}` and flat `{error_code, error_msg}`), its credential headers (`Authorization` of
 * AK/SK signing, `X-Auth-Token`; `X-Sdk-Date` is not secret), its not-found rule (HTTP 400 with the codes Huawei's
 * own Terraform provider reads as gone — SDRS.1013 group, SDRS.1608 pair, SDRS.1320/SDRS.1301 protected instance,
 * SDRS.0208/SDRS.0213 invalid ids, SDRS.1902/SDRS.1913 DR drill; docs/vendors/sdrs.md — and any 404) and its job states (INIT/RUNNING run,
 * SUCCESS succeeds, FAIL fails).
 *
 * Calls no endpoint.
 *
 * @public
 */
import { stringField, type DecodedErrorBody, type VendorProfile } from '../http/vendor';
import type { TaskObservation } from '../tasks';
import type { SdrsJob } from './types';

/** The header of token authentication. @public */
export const SDRS_TOKEN_HEADER = 'x-auth-token';

/**
 * Error codes that mean "no such object" (all answered with HTTP 400), as huaweicloud/terraform-provider-huaweicloud
 * reads them in huaweicloud/services/sdrs (docs/vendors/sdrs.md has the file of each).
 * @public
 */
export const SDRS_NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'SDRS.1013', // protection group not found (GET, DELETE)
  'SDRS.1608', // replication pair not found (GET, DELETE)
  'SDRS.1320', // protected instance not found (GET)
  'SDRS.1301', // protected instance not found (DELETE)
  'SDRS.0208', // invalid (unknown) protected instance id (attach, detach; GET before the provider's 2025 change)
  'SDRS.0213', // invalid (unknown) replication pair id (detach)
  'SDRS.1902', // DR drill not found (GET)
  'SDRS.1913', // DR drill not found (DELETE)
]);

/** The keys of the nested error shape. */
const NESTED_ERROR_KEYS = ['error', 'badrequest', 'itemNotFound'] as const;

/** SDRS's error decoder, secret headers and not-found rule. @public */
export const sdrsProfile: VendorProfile = {
  name: 'sdrs',
  decodeError: (_status, body) => decodeSdrsError(body),
  secretHeaders: ['authorization', SDRS_TOKEN_HEADER],
  isNotFound: (status, decoded) => status === 404 || (status === 400 && decoded.errorCode !== undefined && SDRS_NOT_FOUND_CODES.has(decoded.errorCode)),
};

/** Either error shape → code, message and request id (`request_id` when the body has one). @public */
export function decodeSdrsError(body: unknown): DecodedErrorBody {
  const requestId = stringField(body, 'request_id');
  const ids = requestId === undefined ? {} : { opId: requestId, opIdLabel: 'request_id' };
  for (const key of NESTED_ERROR_KEYS) {
    const nested = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
    if (typeof nested === 'object' && nested !== null) return { errorCode: stringField(nested, 'code'), serverMessage: stringField(nested, 'message'), ...ids };
  }
  return { errorCode: stringField(body, 'error_code'), serverMessage: stringField(body, 'error_msg'), ...ids };
}

/**
 * An SDRS job in the generic terms of `tasks.ts`. `progress` is read when the job carries one (the contract allows
 * extra fields); an unknown status keeps polling (only SUCCESS/FAIL end it).
 * @public
 */
export function observeSdrsJob(job: SdrsJob): TaskObservation {
  const progress = typeof job['progress'] === 'number' ? job['progress'] : undefined;
  const base = { status: job.status, progress, detail: progress === undefined ? job.status : `${job.status} ${progress}%` };
  if (job.status === 'SUCCESS') return { ...base, state: 'succeeded' };
  if (job.status === 'FAIL') return { ...base, state: 'failed', errorCode: job.error_code ?? undefined, errorMessage: job.fail_reason ?? undefined };
  return { ...base, state: 'running' };
}

/** "job <id> (<job_type>)" from the last poll, or "job <id>". @public */
export function describeSdrsJob(jobId: string, job: SdrsJob | undefined): string {
  const type = job?.job_type;
  return type !== undefined && type !== '' ? `job ${jobId} (${type})` : `job ${jobId}`;
}

