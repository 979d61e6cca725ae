/**
 * SDRS's two error shapes and the errors the SDRS handlers throw. The documented shape is
 * `{"error": {"code", "message"}}`; the huaweicloud Terraform provider reads the pair and protected-instance
 * errors as a flat `{"error_code", "error_msg"}` (`common.ParseErrorMsg`) and the group errors at `error.code`,
 * so the simulator answers each family the way the provider reads it: groups and jobs nested, pairs and
 * instances flat. The API gateway's own refusals (signature, token) are flat with a `request_id`, as APIG's are.
 * Not-found is HTTP 400, per kind and operation as Huawei's provider reads it (docs/vendors/sdrs.md): SDRS.1013
 * group (nested), SDRS.1608 pair (flat), SDRS.1320 protected instance on GET/PUT and SDRS.1301 on DELETE
 * (nested), SDRS.0208 instance and SDRS.0213 pair named by an attach or detach (flat).
 *
 * Codes from the reference (OTC error-code table): SDRS.0001, 0201, 1002, 1013, 1601, 1605, 1608, 1611 and
 * APIGW.0301; SDRS.1017 is "PG state not allowed" there and the simulator also answers it for an empty group
 * that cannot be started and a group that is not empty on delete; SDRS.1604 (volume already paired), SDRS.1306
 * (server already protected) and SDRS.1615 (device in use) are the simulator's picks. DR drills: SDRS.1902 (GET, PUT) and
 * SDRS.1913 (DELETE) not found, at `error.code`, as Huawei's provider reads them; SDRS.1901 (drill status does not
 * allow it) and SDRS.1017 for a group with nothing to drill are the simulator's picks.
 *
 * Endpoints served: none.
 */
import { randomUUID } from 'node:crypto';
import { SimApiError } from '../core/http';

export type SdrsErrorShape = 'nested' | 'flat';

export function nestedErrorBody(code: string, message: string): unknown {
  return { error: { code, message } };
}

export function flatErrorBody(code: string, message: string): unknown {
  return { error_code: code, error_msg: message };
}

export class SdrsApiError extends SimApiError {
  constructor(status: number, code: string, message: string, readonly shape: SdrsErrorShape = 'nested') {
    super(status, code, message);
    this.name = 'SdrsApiError';
  }

  /** Its own shape whatever the API's body: APIG's flat one with a `request_id`, else the family's. */
  override bodyIn(): unknown {
    if (this.errorCode.startsWith('APIGW.')) return { error_code: this.errorCode, error_msg: this.message, request_id: randomUUID().replace(/-/g, '') };
    return this.shape === 'flat' ? flatErrorBody(this.errorCode, this.message) : nestedErrorBody(this.errorCode, this.message);
  }
}

const nested = (code: string, message: string): SdrsApiError => new SdrsApiError(400, code, message, 'nested');
const flat = (code: string, message: string): SdrsApiError => new SdrsApiError(400, code, message, 'flat');

export const invalidParams = (message: string, shape: SdrsErrorShape): SdrsApiError => new SdrsApiError(400, 'SDRS.0201', message, shape);
export const invalidProject = (projectId: string): SdrsApiError => nested('SDRS.0001', `Invalid tenant ID: ${projectId}.`);
export const groupNotFound = (id: string): SdrsApiError => nested('SDRS.1013', `The protection group ${id} does not exist.`);
export const groupStatusNotAllowed = (id: string, status: string, operation: string, shape: SdrsErrorShape = 'nested'): SdrsApiError =>
  new SdrsApiError(400, 'SDRS.1002', `The protection group ${id} is ${status}: ${operation} is not allowed in this status.`, shape);
export const groupHasNoPair = (id: string): SdrsApiError =>
  nested('SDRS.1017', `The protection group ${id} contains no replication pair: protection cannot be enabled.`);
export const groupNotEmpty = (id: string, pairs: number, instances: number): SdrsApiError =>
  nested('SDRS.1017', `The protection group ${id} still contains ${pairs} replication pair(s) and ${instances} protected instance(s): it cannot be deleted.`);
export const pairNotFound = (id: string): SdrsApiError => flat('SDRS.1608', `The replication pair ${id} does not exist.`);
export const pairStatusNotAllowed = (id: string, status: string, operation: string): SdrsApiError =>
  flat('SDRS.1601', `The replication pair ${id} is ${status}: ${operation} is not allowed in this status.`);
export const pairAttached = (id: string, instanceId: string): SdrsApiError =>
  flat('SDRS.1605', `The replication pair ${id} is attached to protected instance ${instanceId}: detach it first.`);
export const pairNotInGroup = (id: string, groupId: string): SdrsApiError => flat('SDRS.1611', `The replication pair ${id} is not in protection group ${groupId}.`);
export const volumeAlreadyPaired = (volumeId: string, pairId: string): SdrsApiError =>
  flat('SDRS.1604', `The volume ${volumeId} is already in replication pair ${pairId}.`);
export const instanceNotFound = (id: string): SdrsApiError => nested('SDRS.1320', `The protected instance ${id} does not exist.`);
export const instanceNotFoundOnDelete = (id: string): SdrsApiError => nested('SDRS.1301', `The protected instance ${id} does not exist: it cannot be deleted.`);
export const invalidInstanceId = (id: string): SdrsApiError => flat('SDRS.0208', `Invalid protected instance ID: the protected instance ${id} does not exist.`);
export const invalidPairId = (id: string): SdrsApiError => flat('SDRS.0213', `Invalid replication pair ID: the replication pair ${id} does not exist.`);
export const serverAlreadyProtected = (serverId: string, instanceId: string): SdrsApiError =>
  flat('SDRS.1306', `The server ${serverId} is already protected by protected instance ${instanceId}.`);
export const deviceInUse = (instanceId: string, device: string): SdrsApiError =>
  flat('SDRS.1615', `The device ${device} of protected instance ${instanceId} is already in use.`);
export const drillNotFound = (id: string): SdrsApiError => nested('SDRS.1902', `The DR drill ${id} does not exist.`);
export const drillNotFoundOnDelete = (id: string): SdrsApiError => nested('SDRS.1913', `The DR drill ${id} does not exist: it cannot be deleted.`);
export const drillStatusNotAllowed = (id: string, status: string, operation: string): SdrsApiError =>
  nested('SDRS.1901', `The DR drill ${id} is ${status}: ${operation} is not allowed in this status.`);
export const groupHasNothingToDrill = (id: string): SdrsApiError =>
  nested('SDRS.1017', `The protection group ${id} contains no protected instance and no replication pair: there is nothing to drill.`);
export const jobNotFound = (id: string): SdrsApiError => nested('SDRS.0201', `The job ${id} does not exist.`);
export const authFailed = (message: string): SdrsApiError => new SdrsApiError(401, 'APIGW.0301', `Incorrect IAM authentication information: ${message}`, 'flat');
