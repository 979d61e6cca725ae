/**
 * What every VCDA handler receives: the parsed request (with the caller's session) and the service context
 * (state, clock, ids, users, task delay, session lifetime), plus the lookups that answer the way VCDA does: a
 * site by name (404 SiteNotFound), a site the session reaches (403 Forbidden until `POST /sessions/extend`),
 * and the site an operation runs on (`?site=`, default the local site).
 *
 * Endpoints served: none (shared by the vcda/*.ts handlers).
 */
import type { OperationRequest } from '../core/dispatcher';
import type { QueryValues, SimResponse } from '../core/http';
import type { IdGenerator, SimClock } from '../core/runtime';
import { forbidden, siteNotFound } from './errors';
import type { SimVcdaSession, VcdaSiteInfo, VcdaState } from './types';

export interface VcdaCredentials {
  username: string;
  password: string;
}

/** The users the simulator accepts, by login type. */
export interface VcdaUsers {
  /** Cloud Director user of site1 (`vcdCredentials`). Default vcda-admin@org1 / Sim-Vcda-Site1-Passw0rd! */
  site1: VcdaCredentials;
  /** Cloud Director user of site2 (`vcdCredentials`, and `POST /sessions/extend` to site2). Default vcda-admin@org2 / Sim-Vcda-Site2-Passw0rd! */
  site2: VcdaCredentials;
  /** Appliance root (`localUser`). Default root / Sim-Vcda-Root-Passw0rd! */
  root: VcdaCredentials;
  /** vCenter SSO administrator (`ssoCredentials`). Default administrator@vsphere.local / Sim-Vcda-Sso-Passw0rd! */
  sso: VcdaCredentials;
}

export interface VcdaContext {
  state: VcdaState;
  clock: SimClock;
  ids: IdGenerator;
  users: VcdaUsers;
  taskDelayMs(): number;
  sessionTtlMs: number;
  /** Every session token issued, so tests can prove none leaked into files or logs. */
  issuedSessionIds: string[];
}

/** The call (session undefined only for login; a fault's `taskError` ends the task it creates FAILED). */
export type VcdaRequest = OperationRequest<SimVcdaSession>;

export type VcdaHandler = (request: VcdaRequest, context: VcdaContext) => SimResponse;

export function findSite(context: VcdaContext, name: string): VcdaSiteInfo {
  const site = context.state.sites.find((candidate) => candidate.site === name);
  if (!site) throw siteNotFound(name);
  return site;
}

/** The site exists and the session is authenticated to it (the local one at login, remote ones once extended). */
export function requireSiteAccess(request: VcdaRequest, context: VcdaContext, name: string): void {
  findSite(context, name);
  if (request.session?.authenticatedSites.some((entry) => entry.site === name)) return;
  throw forbidden(`The session is not authenticated to site '${name}': extend it with POST /sessions/extend first.`);
}

function singleQueryValue(query: QueryValues, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

export function queryValue(request: VcdaRequest, name: string): string | undefined {
  return singleQueryValue(request.query, name);
}

/** `?site=` (checked: exists, session reaches it), or the local site. */
export function operationSite(request: VcdaRequest, context: VcdaContext): string {
  const site = queryValue(request, 'site') ?? context.state.localSite;
  requireSiteAccess(request, context, site);
  return site;
}
