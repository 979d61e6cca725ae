/**
 * Huawei Cloud SDRS as a simulator service (core/vendor-service.ts), mounted at `/sdrs` (the API is
 * `/sdrs/v1/{project_id}/…`, so a client's endpoint is `<url>/sdrs`): its options, its state (seeded, or the
 * `sdrs` section of the state file; tokens are never saved), its call path parts (api.ts, with repliform's
 * contract specs/sdrs-api.json; its nested error body also answers the core's faults and rate limit), and the
 * drift routes it adds to the admin API.
 *
 * Endpoints served:
 *   /sdrs/v1/{project_id}/**                      the SDRS API (api.ts)
 *   POST   /_sim/sdrs/server-groups               a group made by hand (drift.ts)
 *   POST   /_sim/sdrs/server-groups/{id}          group drift (protection stopped by hand, status, name)
 *   POST   /_sim/sdrs/replications/{id}           pair drift (status error, failure_detail, fault_level)
 *   POST   /_sim/sdrs/protected-instances/{id}    protected instance drift (status, name)
 *   DELETE /_sim/sdrs/{server-groups|replications|protected-instances}/{id}   removed behind repliform's back
 *   POST   /_sim/sdrs/tokens                      issue an IAM token for X-Auth-Token
 */
import { isRecord, type SimResponse } from '../core/http';
import { findFileAbove } from '../core/openapi';
import { notAStateFile } from '../core/persistence';
import type { ServiceAdminRoute, ServiceDefinition, ServiceMount } from '../core/service';
import { loadContract, vendorServiceDefinition, type VendorServiceData, type VendorSessions } from '../core/vendor-service';
import { sdrsAdvance, SDRS_CALL_PATH } from './api';
import type { SdrsAccessKey, SdrsContext, SdrsRequest } from './context';
import { createGroupByHand, driftGroup, driftInstance, driftPair, issueToken, removeByHand, type RemovableKind } from './drift';
import { seedSdrsState } from './inventory-seed';
import type { SdrsState } from './types';

export const SDRS_SERVICE_NAME = 'sdrs';
export const SDRS_API_ROOT = '/sdrs';
export const SDRS_SPEC_FILE = 'specs/sdrs-api.json';

/** The simulator's access key and its secret key (what HW_AK / HW_SK are against the simulator). */
export const SDRS_ACCESS_KEY = 'SIM-AK-SDRS0000000000001';
export const SDRS_SECRET_KEY = 'Sim-Sdrs-Secret-Key-0000000000000000001';
/** A token always accepted in `X-Auth-Token` (tests); others come from `POST /_sim/sdrs/tokens`. */
export const SDRS_TEST_TOKEN = 'MIIsim-sdrs-test-token';

export interface SdrsServiceOptions {
  /** AK/SK pairs whose signatures are accepted. @default [{ SDRS_ACCESS_KEY, SDRS_SECRET_KEY }] */
  accessKeys?: readonly SdrsAccessKey[];
  /** Tokens always accepted in X-Auth-Token. @default [SDRS_TEST_TOKEN] */
  fixedTokens?: readonly string[];
  /** Validate every JSON response against the contract; a violation becomes a 500 naming the field. @default false */
  validateResponses?: boolean;
  /** Path of the contract. @default specs/sdrs-api.json found above this module */
  specPath?: string;
  /** Extra unattached 10 GB volumes in az-a, evs-bench-0001… (the bench fleet); ignored when a saved state is loaded. @default 0 */
  extraVolumes?: number;
  /**
   * What a list's `count` says: `matched` — every object that matched the filters; `page` — the objects in this page
   * (a server whose `count` disagrees with the whole list, which clients must not stop on). @default 'matched'
   */
  listCount?: 'matched' | 'page';
}

const PERSISTED_ARRAYS = ['groups', 'pairs', 'instances', 'jobs'] as const;

function loadSdrsState(saved: ServiceMount['saved'], extraVolumes: number): SdrsState {
  if (!saved || saved.section === undefined) return seedSdrsState(extraVolumes);
  const { section, file } = saved;
  if (!isRecord(section) || !isRecord(section.inventory)) throw notAStateFile(file);
  for (const key of PERSISTED_ARRAYS) {
    if (!Array.isArray(section[key])) throw new Error(`${file}: sdrs.${key} must be an array`);
  }
  const state = { ...(section as unknown as SdrsState), tokens: [] };
  if (state.drills !== undefined && !Array.isArray(state.drills)) throw new Error(`${file}: sdrs.drills must be an array`);
  return state;
}

const REMOVABLE = /^\/(server-groups|replications|protected-instances)\/([^/]+)$/;

const idOf = (match: RegExpExecArray, group = 1): string => decodeURIComponent(match[group] ?? '');
const ok = (body: unknown): SimResponse => ({ status: 200, body });

function remove(context: SdrsContext, match: RegExpExecArray): SimResponse {
  removeByHand(context, (match[1] ?? 'replications') as RemovableKind, idOf(match, 2));
  return { status: 204 };
}

function adminRoutes(context: SdrsContext): ServiceAdminRoute[] {
  return [
    { method: 'POST', path: /^\/server-groups$/, handle: (body) => ({ status: 201, body: createGroupByHand(context, body) }) },
    { method: 'POST', path: /^\/server-groups\/([^/]+)$/, handle: (body, match) => ok(driftGroup(context, idOf(match), body ?? {})) },
    { method: 'POST', path: /^\/replications\/([^/]+)$/, handle: (body, match) => ok(driftPair(context, idOf(match), body ?? {})) },
    { method: 'POST', path: /^\/protected-instances\/([^/]+)$/, handle: (body, match) => ok(driftInstance(context, idOf(match), body ?? {})) },
    { method: 'DELETE', path: REMOVABLE, handle: (_body, match) => remove(context, match) },
    { method: 'POST', path: /^\/tokens$/, handle: () => ({ status: 201, body: { token: issueToken(context) } }) },
  ];
}

/** The state as the state file keeps it: tokens are never saved. */
function persisted(state: SdrsState): unknown {
  const { tokens: _tokens, ...kept } = state;
  void _tokens;
  return kept;
}

function sdrsContext(mount: ServiceMount, options: SdrsServiceOptions): SdrsContext {
  return {
    state: loadSdrsState(mount.saved, options.extraVolumes ?? 0),
    ...mount.runtime,
    accessKeys: options.accessKeys ?? [{ accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY }],
    fixedTokens: options.fixedTokens ?? [SDRS_TEST_TOKEN],
    issuedTokens: [],
    listCount: options.listCount ?? 'matched',
  };
}

/** Issued tokens stop working (the fixed test tokens stay valid). */
function tokens(context: SdrsContext): VendorSessions {
  return {
    expire: () => {
      context.state.tokens = [];
    },
    issued: () => context.issuedTokens,
  };
}

const SDRS_DATA: VendorServiceData<SdrsState, SdrsRequest, SdrsContext, void> = {
  name: SDRS_SERVICE_NAME,
  basePath: SDRS_API_ROOT,
  errorCodes: { invalidJson: 'SDRS.0201', rateLimited: 'APIGW.0308' },
  callPath: SDRS_CALL_PATH,
  advancer: sdrsAdvance,
  taskRecords: (state) => state.jobs,
  snapshot: persisted,
  sessions: tokens,
  adminRoutes,
};

/** The SDRS service, to mount on a simulator host (`startSimulator` mounts it next to VR and VCDA). */
export function sdrsService(options: SdrsServiceOptions = {}): ServiceDefinition<SdrsState> {
  return vendorServiceDefinition(SDRS_DATA, {
    contract: () => loadContract(options.specPath ?? findFileAbove(SDRS_SPEC_FILE, __dirname), SDRS_API_ROOT),
    context: (mount) => sdrsContext(mount, options),
    validateResponses: options.validateResponses,
  });
}
