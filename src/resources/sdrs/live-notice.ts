/**
 * What a plan of an SDRS object must tell although the code does not change it: the object's SDRS status is an error
 * (a failed create, start, stop, switchover, failover, reprotect, expand, attach, detach or flavor change; `invalid`;
 * `fault`), or its group's protection is not running (`sdrs.protection`). The statuses and their meaning are
 * Huawei's status appendixes (docs/vendors/sdrs.md, "Statuses a plan tells").
 *
 * Calls no endpoint: it reads the provider's refreshed state.
 */
import type { LiveNoticeText } from '../contract';

/** The end of every SDRS notice's way out. */
export const REVIEW_LISTS_THEM = '`repliform review --live` lists every such object.';

/** A failed operation, or a damaged object: the statuses in which an SDRS object needs a person. */
export function isSdrsErrorStatus(status: string): boolean {
  return status === 'error' || status.startsWith('error-') || status === 'invalid' || status === 'fault';
}

const FAILED_OPERATIONS: Readonly<Record<string, string>> = {
  error: 'its create failed',
  'error-deleting': 'its delete failed',
  'error-starting': 'starting protection failed',
  'error-stopping': 'stopping protection failed',
  'error-reversing': 'a switchover (planned failover) failed',
  'error-failing-over': 'a failover failed',
  'error-reprotecting': 'reprotection failed',
  'error-extending': 'an expand failed',
  'error-attaching': 'attaching a replication pair failed',
  'error-detaching': 'detaching a replication pair failed',
  'error-resizing': "changing the DR-site server's flavor failed",
};

/** A group has no `invalid` or `fault` status of its own (Huawei's appendix); the words in case one appears. */
export const GROUP_DAMAGE = { invalid: 'a member is damaged', fault: 'a sync is abnormal' } as const;

/** What an error status says happened; `invalid` and `fault` mean something per kind (`damage`). */
export function statusMeaning(status: string, damage: { readonly invalid: string; readonly fault: string }): string {
  if (status === 'invalid') return damage.invalid;
  if (status === 'fault') return damage.fault;
  return FAILED_OPERATIONS[status] ?? `${status.replace(/^error-/, '')} failed`;
}

/** The way out every error status shares: the cause is in SDRS, not in the code. */
export const FIND_THE_CAUSE = "Find the cause in the SDRS console (Huawei's error-code table explains the code); the code is not the cause, and apply does not repair it.";

/** A notice for an object in an error status; the handlers send any planned change (SDRS may refuse it). */
export function errorNotice(object: string, status: string, meaning: string, extraFix?: string): LiveNoticeText {
  return {
    summary: `${object} is ${status} in SDRS: ${meaning}`,
    status,
    blocksUpdate: false,
    fix: [FIND_THE_CAUSE, extraFix, REVIEW_LISTS_THEM].filter((part) => part !== undefined).join(' '),
  };
}

export function stringAt(state: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const found = state[key];
  return typeof found === 'string' && found !== '' ? found : undefined;
}
