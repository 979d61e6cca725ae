/**
 * The VCDA error shape `ApiError` `{args, code, msg, stacktrace}` (every error status has a body, 404 too), and
 * the errors the VCDA handlers throw, with the API's codes (NotAuthenticated, RemoteAuthenticationFailure,
 * Forbidden, SiteNotFound, BadRequest, BadUserInput, NotFound, GeneralServerFailure).
 *
 * Endpoints served: none.
 */
import { SimApiError } from '../core/http';
import type { VcdaApiErrorBody } from './types';

/** The Java exception a real server names in `stacktrace`, by code (the simulator's own codes get a generic one). */
const EXCEPTIONS: Record<string, string> = {
  NotAuthenticated: 'NotAuthenticatedException',
  RemoteAuthenticationFailure: 'RemoteAuthenticationFailureException',
  Forbidden: 'PermissionDeniedException',
  SiteNotFound: 'SiteNotFoundException',
  NotFound: 'NotFoundException',
  BadRequest: 'BadRequestException',
  BadUserInput: 'BadUserInputException',
};

export function vcdaErrorBody(_status: number, code: string, message: string, args: readonly unknown[] = []): VcdaApiErrorBody {
  const exception = EXCEPTIONS[code] ?? 'H4Exception';
  return { args: [...args], code, msg: message, stacktrace: `com.vmware.h4.api.error.exceptions.${exception}: ${message}` };
}

/** A SimApiError whose body carries positional `args`. */
export class VcdaApiError extends SimApiError {
  constructor(status: number, code: string, message: string, readonly args: readonly unknown[] = []) {
    super(status, code, message);
    this.name = 'VcdaApiError';
  }

  override bodyIn(): VcdaApiErrorBody {
    return vcdaErrorBody(this.status, this.errorCode, this.message, this.args);
  }
}

export const notAuthenticated = (message = 'Not authenticated.'): VcdaApiError => new VcdaApiError(401, 'NotAuthenticated', message);
export const forbidden = (message: string): VcdaApiError => new VcdaApiError(403, 'Forbidden', message);
export const siteNotFound = (site: string): VcdaApiError => new VcdaApiError(404, 'SiteNotFound', `Site '${site}' not found.`, [site]);
export const replicationNotFound = (id: string): VcdaApiError => new VcdaApiError(404, 'NotFound', `VM replication '${id}' not found.`, [id]);
export const taskNotFound = (id: string): VcdaApiError => new VcdaApiError(404, 'NotFound', `Task '${id}' not found.`, [id]);
export const badRequest = (message: string, args: readonly unknown[] = []): VcdaApiError => new VcdaApiError(400, 'BadRequest', message, args);
export const badUserInput = (message: string, args: readonly unknown[] = []): VcdaApiError => new VcdaApiError(400, 'BadUserInput', message, args);
