/**
 * VCDA sessions: a login by type returns the token in the `X-VCAV-Auth` response header (body
 * `C4SessionDetails`); every other call sends it back in the `X-VCAV-Auth` request header. Sessions expire
 * after `sessionTtlMs` without use (401 NotAuthenticated). `POST /sessions/extend` authenticates the session to
 * a remote site with that site's Cloud Director credentials.
 *
 * Endpoints served:
 *   POST   /sessions          login      {type: vcdCredentials | localUser | ssoCredentials, …}
 *   GET    /sessions          getSession
 *   DELETE /sessions          logout
 *   POST   /sessions/extend   extendSession {type: credentials, site, vcdUsername|vcdUser, vcdPassword}
 */
import { isRecord, type SimResponse } from '../core/http';
import type { VcdaContext, VcdaCredentials, VcdaHandler, VcdaRequest } from './context';
import { findSite } from './context';
import { notAuthenticated, VcdaApiError } from './errors';
import { VCDA_LOCAL_SITE, VCDA_REMOTE_SITE } from './inventory-seed';
import type { SimVcdaSession } from './types';

export const VCDA_AUTH_HEADER = 'X-VCAV-Auth';

interface LoginIdentity {
  user: string;
  roles: string[];
  site: string;
  org: string | null;
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

function matches(credentials: VcdaCredentials, username: string | undefined, password: string | undefined): boolean {
  return username === credentials.username && password === credentials.password;
}

/** `user@org` → `org`. */
function orgOf(user: string): string | null {
  const at = user.lastIndexOf('@');
  return at >= 0 ? user.slice(at + 1) : null;
}

/** Who the login body names, when its credentials are right; undefined = rejected. */
function identify(body: Record<string, unknown>, context: VcdaContext): LoginIdentity | undefined {
  const { users, state } = context;
  const local = state.localSite;
  switch (body.type) {
    case 'vcdCredentials': {
      const user = stringField(body, 'vcdUser');
      if (!matches(users.site1, user, stringField(body, 'vcdPassword'))) return undefined;
      return { user: users.site1.username, roles: ['EVERYONE', 'ORG_ADMINS'], site: local, org: orgOf(users.site1.username) };
    }
    case 'localUser':
      if (!matches(users.root, stringField(body, 'localUser'), stringField(body, 'localPassword'))) return undefined;
      return { user: users.root.username, roles: ['EVERYONE', 'ADMINISTRATORS'], site: local, org: null };
    case 'ssoCredentials':
      if (!matches(users.sso, stringField(body, 'username'), stringField(body, 'password'))) return undefined;
      return { user: users.sso.username, roles: ['EVERYONE', 'ADMINISTRATORS'], site: local, org: null };
    default:
      return undefined;
  }
}

function details(session: SimVcdaSession): SimResponse['body'] {
  return { user: session.user, roles: session.roles, authenticatedSites: session.authenticatedSites };
}

function headerValue(request: Pick<VcdaRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The caller's live session (its idle expiry moved on), else 401 NotAuthenticated. */
export function authenticate(request: Pick<VcdaRequest, 'headers'>, context: VcdaContext): SimVcdaSession {
  const token = headerValue(request, VCDA_AUTH_HEADER);
  if (token === undefined || token === '') throw notAuthenticated(`Not authenticated: send the ${VCDA_AUTH_HEADER} header of a session.`);
  const now = context.clock.now();
  const session = context.state.sessions.find((candidate) => candidate.token === token);
  if (!session || session.expiresAt <= now) {
    context.state.sessions = context.state.sessions.filter((candidate) => candidate.expiresAt > now);
    throw notAuthenticated('Not authenticated: the session does not exist or has expired.');
  }
  session.expiresAt = now + context.sessionTtlMs;
  return session;
}

export const login: VcdaHandler = (request, context) => {
  const body = isRecord(request.body) ? request.body : {};
  if (body.type === 'vcdCookie') {
    throw notAuthenticated('The simulator has no Cloud Director cookies: log in with vcdCredentials, localUser or ssoCredentials.');
  }
  const identity = identify(body, context);
  if (!identity) throw notAuthenticated('Authentication failed: wrong user name or password.');
  const token = context.ids();
  const session: SimVcdaSession = {
    token,
    user: identity.user,
    roles: identity.roles,
    authenticatedSites: [{ site: identity.site, org: identity.org }],
    expiresAt: context.clock.now() + context.sessionTtlMs,
  };
  context.state.sessions.push(session);
  context.issuedSessionIds.push(token);
  return { status: 200, body: details(session), headers: { [VCDA_AUTH_HEADER]: token } };
};

export const getSession: VcdaHandler = (request) => ({ status: 200, body: details(sessionOf(request)) });

export const logout: VcdaHandler = (request, context) => {
  const session = sessionOf(request);
  context.state.sessions = context.state.sessions.filter((candidate) => candidate !== session);
  return { status: 204 };
};

/** The remote site's Cloud Director user, for an extension to `site`. */
function remoteUser(context: VcdaContext, site: string): VcdaCredentials | undefined {
  const bySite: Record<string, VcdaCredentials> = { [VCDA_LOCAL_SITE]: context.users.site1, [VCDA_REMOTE_SITE]: context.users.site2 };
  return bySite[site];
}

export const extendSession: VcdaHandler = (request, context) => {
  const session = sessionOf(request);
  const body = isRecord(request.body) ? request.body : {};
  const site = stringField(body, 'site') ?? '';
  findSite(context, site);
  if (body.type !== 'credentials') {
    throw new VcdaApiError(401, 'RemoteAuthenticationFailure', `The simulator extends sessions with credentials only, not '${String(body.type)}'.`, [site]);
  }
  const username = stringField(body, 'vcdUsername') ?? stringField(body, 'vcdUser');
  if (username === undefined) throw new VcdaApiError(400, 'BadUserInput', 'vcdUsername is required.', ['vcdUsername']);
  const expected = remoteUser(context, site);
  if (!expected || !matches(expected, username, stringField(body, 'vcdPassword'))) {
    throw new VcdaApiError(401, 'RemoteAuthenticationFailure', `Authentication to site '${site}' failed.`, [site]);
  }
  if (!session.authenticatedSites.some((entry) => entry.site === site)) session.authenticatedSites.push({ site, org: orgOf(username) });
  return { status: 200, body: details(session) };
};

function sessionOf(request: VcdaRequest): SimVcdaSession {
  if (!request.session) throw notAuthenticated();
  return request.session;
}
