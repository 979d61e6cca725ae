/**
 * How VMware Cloud Director Availability plugs into the generic client layer: its error body
 * `{code, msg, args, stacktrace}`, its session header `X-VCAV-Auth`, its not-found (404), its versioned media type,
 * its task states (QUEUED/RUNNING run, SUCCEEDED succeeds, FAILED fails) and its login bodies.
 *
 * Calls no endpoint.
 *
 * @public
 */
import { stringField, type VendorProfile } from '../http/vendor';
import type { TaskObservation } from '../tasks';
import type { VcdaCredentials, VcdaExtendRequest, VcdaLoginRequest, VcdaPasswordLoginType, VcdaTask } from './types';

/** The header that carries a VCDA session (request and login response). @public */
export const VCDA_AUTH_HEADER = 'x-vcav-auth';

/** The API version asked for when none is configured. @public */
export const VCDA_DEFAULT_ACCEPT_VERSION = 'v4';

/** VCDA's error decoder, secret header and not-found rule. @public */
export const vcdaProfile: VendorProfile = {
  name: 'vcda',
  decodeError: (_status, body) => ({ errorCode: stringField(body, 'code'), serverMessage: stringField(body, 'msg') }),
  secretHeaders: [VCDA_AUTH_HEADER],
  isNotFound: (status) => status === 404,
};

/** `application/vnd.vmware.h4-<version>+json;charset=UTF-8`, the versioned media type. @public */
export function vcdaAcceptHeader(version: string): string {
  if (!/^v\d+(\.\d+)*$/.test(version)) throw new TypeError(`apiVersion must look like "v4" or "v4.7", got ${JSON.stringify(version)}`);
  return `application/vnd.vmware.h4-${version}+json;charset=UTF-8`;
}

/** The `POST /sessions` body of a password login. @public */
export function loginBody(type: VcdaPasswordLoginType, credentials: VcdaCredentials): VcdaLoginRequest {
  if (type === 'localUser') return { type, localUser: credentials.username, localPassword: credentials.password };
  if (type === 'ssoCredentials') return { type, username: credentials.username, password: credentials.password };
  return { type, vcdUser: credentials.username, vcdPassword: credentials.password };
}

/** The `POST /sessions/extend` body for a remote site (the API reference names the user `vcdUsername`). @public */
export function extendBody(site: string, credentials: VcdaCredentials): VcdaExtendRequest {
  return { type: 'credentials', site, vcdUsername: credentials.username, vcdPassword: credentials.password };
}

/** A VCDA task in the generic terms of `tasks.ts`; an unknown state keeps polling (only SUCCEEDED/FAILED end it). @public */
export function observeVcdaTask(task: VcdaTask): TaskObservation {
  const base = { status: task.state, progress: task.progress, detail: `${task.state} ${task.progress}%` };
  if (task.state === 'SUCCEEDED') return { ...base, state: 'succeeded' };
  if (task.state === 'FAILED') return { ...base, state: 'failed', errorCode: task.error?.code, errorMessage: task.error?.msg };
  return { ...base, state: 'running' };
}

/** "task <id> (<type> <resource name or id>)" from the last poll, or "task <id>". @public */
export function describeVcdaTask(taskId: string, task: VcdaTask | undefined): string {
  const info = task?.workflowInfo;
  const parts = [info?.type, info?.resourceName ?? info?.resourceId].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? `task ${taskId} (${parts.join(' ')})` : `task ${taskId}`;
}
