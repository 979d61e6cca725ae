/**
 * VR sessions: Basic login to a session id sent back as `x-dr-session`, idle expiry (`sessionTtlMs`, then 401
 * with no body), and the per-pairing remote session that needs both the session header and Basic credentials
 * of the remote site.
 *
 * Endpoints served:
 *   POST   /session                               login (Basic)
 *   GET    /session                               getCurrentSession
 *   DELETE /session                               logout
 *   POST   /pairings/{pairing_id}/remote-session  createRemoteSession (x-dr-session + Basic for the remote site)
 *   GET    /pairings/{pairing_id}/remote-session  getRemoteSession
 */
import { timingSafeEqual } from 'node:crypto';
import type { SimResponse } from '../core/http';
import { notFound, unauthorized } from './errors';
import { findPairing, type VrContext, type VrCredentials, type VrHandler, type VrRequest } from './context';
import type { SimSession } from './types';

export const SESSION_HEADER = 'x-dr-session';

function headerValue(request: Pick<VrRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Decodes `Authorization: Basic …`; undefined when absent or malformed. */
export function basicCredentials(request: Pick<VrRequest, 'headers'>): VrCredentials | undefined {
  const header = headerValue(request, 'authorization');
  const match = header ? /^Basic\s+(\S+)$/i.exec(header) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function credentialsMatch(given: VrCredentials | undefined, expected: VrCredentials): given is VrCredentials {
  return given !== undefined && sameText(given.username, expected.username) && sameText(given.password, expected.password);
}

function isExpired(session: SimSession, context: VrContext): boolean {
  return context.clock.now() - session.lastUsedAt > context.sessionTtlMs;
}

/** The caller's live session (refreshing its idle timer), else 401. Expired sessions are dropped. */
export function authenticate(request: Pick<VrRequest, 'headers'>, context: VrContext): SimSession {
  const sessionId = headerValue(request, SESSION_HEADER);
  const session = context.state.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw unauthorized();
  if (isExpired(session, context)) {
    context.state.sessions = context.state.sessions.filter((candidate) => candidate !== session);
    throw unauthorized();
  }
  session.lastUsedAt = context.clock.now();
  return session;
}

export const login: VrHandler = (request, context): SimResponse => {
  const credentials = basicCredentials(request);
  if (!credentialsMatch(credentials, context.users.local)) throw unauthorized();
  const now = context.clock.now();
  const session: SimSession = {
    id: context.ids(),
    username: credentials.username,
    createdAt: now,
    lastUsedAt: now,
    remotePairings: {},
  };
  context.state.sessions.push(session);
  context.issuedSessionIds.push(session.id);
  return { status: 200, body: { session_id: session.id }, headers: { [SESSION_HEADER]: session.id } };
};

export const getCurrentSession: VrHandler = (request) => ({
  status: 200,
  body: { username: request.session?.username ?? '' },
});

export const logout: VrHandler = (request, context) => {
  context.state.sessions = context.state.sessions.filter((candidate) => candidate.id !== request.session?.id);
  return { status: 204 };
};

export const createRemoteSession: VrHandler = (request, context) => {
  const pairingId = request.params.pairing_id;
  findPairing(context, pairingId);
  const credentials = basicCredentials(request);
  if (!credentialsMatch(credentials, context.users.remote) || !request.session) throw unauthorized();
  request.session.remotePairings[pairingId] = credentials.username;
  return { status: 204 };
};

export const getRemoteSession: VrHandler = (request, context) => {
  const pairingId = request.params.pairing_id;
  findPairing(context, pairingId);
  const username = request.session?.remotePairings[pairingId];
  if (username === undefined) throw notFound();
  return { status: 200, body: { username } };
};
