/**
 * The one call path of every vendor API the simulator serves (as vcsim's single `Call`): match the operation in
 * the vendor's OpenAPI contract → authenticate (all but the public operations) → validate the request → check
 * the path parameters → run the handler → check the JSON response against the contract (`validateResponses`).
 * A vendor plugs in data only: its contract, handlers, authenticator, refusals and error body. Whatever a step
 * throws becomes the vendor's error response.
 *
 * Endpoints served: none (each vendor's api.ts names its own).
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Operation } from 'openapi-backend';
import { SimApiError, type ErrorBodyShape, type SimResponse } from './http';
import { describeValidationErrors, responseMismatch, routedRequest, type RoutedRequest } from './openapi';
import type { ServiceRequest, ServiceResult } from './service';

export type OperationHandler<Request, Context> = (request: Request, context: Context) => SimResponse;

/** A request matched to an operation and past authentication and validation: what a vendor's request is built from. */
export interface MatchedCall<Session> {
  readonly operationId: string;
  readonly request: ServiceRequest;
  /** The path parameters of the operation (`{id}` …). */
  readonly params: Record<string, string>;
  /** The caller's session; undefined for a public operation. */
  readonly session: Session | undefined;
}

/** What a handler usually takes: the call's operation, path parameters and session, with the request's query, headers, body and fault. */
export interface OperationRequest<Session> extends Pick<ServiceRequest, 'query' | 'headers' | 'body' | 'taskError'> {
  operationId: string;
  params: Record<string, string>;
  /** The caller's session (undefined for a public operation). */
  session?: Session;
}

/** The request a vendor's handlers take when they need no more than the call gives. */
export function operationRequest<Session>({ operationId, request, params, session }: MatchedCall<Session>): OperationRequest<Session> {
  return { operationId, params, query: request.query, headers: request.headers, body: request.body, session, taskError: request.taskError };
}

/** How a vendor answers what goes wrong on the call path. */
export interface VendorRefusals {
  /** The vendor's error body for a status, code and message (undefined: the response has no body). */
  readonly errorBody: ErrorBodyShape;
  /** Code of the 500 a handler's unexpected failure answers ("Simulator error: …"). */
  readonly internalErrorCode: string;
  /** Code of the 500 a response breaking the contract answers ("Simulator bug: …"). */
  readonly contractViolationCode: string;
  /** What that 500 calls the contract: the vendor's official `spec`, or repliform's `contract`. */
  readonly contractName: 'spec' | 'contract';
  /** The answer to a path the contract does not have. */
  unknownPath(request: ServiceRequest): SimResponse;
  /** The 400 a request breaking the contract throws; `reason` names every offending field. */
  invalidRequest(reason: string, operationId: string): SimApiError;
  /** The 501 an operation of the contract the simulator does not model throws. */
  notImplemented(operationId: string): SimApiError;
}

/** A vendor's parts of the call path: data and functions, the same for every simulator it runs in. */
export interface VendorCallPath<Request, Context, Session> {
  /** Handlers by operationId. */
  readonly handlers: Readonly<Record<string, OperationHandler<Request, Context>>>;
  /** Operations that run without credentials. @default none */
  readonly publicOperations?: ReadonlySet<string>;
  /** The caller's session, or throws the vendor's 401. */
  authenticate(request: ServiceRequest, context: Context): Session;
  /** Checks the path parameters before any handler runs (SDRS: the project in the path). @default none */
  checkParams?(params: Record<string, string>, context: Context, operationId: string): void;
  /** The request the vendor's handlers take. */
  requestOf(call: MatchedCall<Session>, context: Context): Request;
  readonly refusals: VendorRefusals;
}

/** One vendor API as the dispatcher runs it: its call path with this simulator's contract and context. */
export interface VendorApi<Request, Context, Session> {
  readonly callPath: VendorCallPath<Request, Context, Session>;
  /** The vendor's OpenAPI document as router and validator (core/openapi.ts). */
  readonly contract: OpenAPIBackend;
  readonly context: Context;
  /** Validate every JSON response against the contract; a violation becomes a 500 naming the field. */
  readonly validateResponses: boolean;
}

/** A thrown value as the vendor answers it: a SimApiError in its body (its own, when it has one), anything else a 500. */
export function refusalResponse(error: unknown, refusals: VendorRefusals): SimResponse {
  if (error instanceof SimApiError) {
    const body = error.bodyIn(refusals.errorBody);
    return body === undefined ? { status: error.status, headers: error.headers } : { status: error.status, headers: error.headers, body };
  }
  const message = `Simulator error: ${error instanceof Error ? error.message : String(error)}`;
  const body = refusals.errorBody(500, refusals.internalErrorCode, message);
  return body === undefined ? { status: 500 } : { status: 500, body };
}

function run<Request, Context, Session>(api: VendorApi<Request, Context, Session>, operation: Operation, request: ServiceRequest, routed: RoutedRequest): SimResponse {
  const { callPath, context } = api;
  const operationId = operation.operationId ?? '';
  const session = callPath.publicOperations?.has(operationId) ? undefined : callPath.authenticate(request, context);
  const validation = api.contract.validateRequest(routed, operation);
  if (!validation.valid) throw callPath.refusals.invalidRequest(`Invalid request: ${describeValidationErrors(validation.errors)}`, operationId);
  const params = api.contract.router.parseRequest(routed, operation).params as Record<string, string>;
  callPath.checkParams?.(params, context, operationId);
  const handler = callPath.handlers[operationId];
  if (!handler) throw callPath.refusals.notImplemented(operationId);
  return handler(callPath.requestOf({ operationId, request, params, session }, context), context);
}

function contractChecked<Request, Context, Session>(api: VendorApi<Request, Context, Session>, operation: Operation, response: SimResponse): SimResponse {
  if (!api.validateResponses) return response;
  const mismatch = responseMismatch(api.contract, operation, response.status, response.body);
  if (mismatch === undefined) return response;
  const { refusals } = api.callPath;
  const message = `Simulator bug: the ${response.status} response of ${operation.operationId ?? '?'} does not match the ${refusals.contractName}: ${mismatch}`;
  const body = refusals.errorBody(500, refusals.contractViolationCode, message);
  return body === undefined ? { status: 500 } : { status: 500, body };
}

/** Routes, authenticates, validates and handles one request of a vendor API (never throws: errors are responses). */
export function dispatchOperation<Request, Context, Session>(api: VendorApi<Request, Context, Session>, request: ServiceRequest): ServiceResult {
  const routed = routedRequest(request);
  const operation = api.contract.matchOperation(routed);
  const { refusals } = api.callPath;
  if (!operation) return { response: refusals.unknownPath(request) };
  const operationId = operation.operationId ?? '';
  try {
    return { response: contractChecked(api, operation, run(api, operation, request, routed)), operationId };
  } catch (error) {
    return { response: refusalResponse(error, refusals), operationId };
  }
}
