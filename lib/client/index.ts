/**
 * Client layer barrel: the generic parts (the client core — resolved config, the vendor-client skeleton, the shared
 * checks —, waiter, task polling, sessions and the cross-process shared state, paging, the HTTP layer with its vendor profile, the ApiError family and redaction) and the typed VR client.
 * Calls no endpoint itself; see the header comment of each client for its endpoints.
 * @public
 */
export * from './core';
export * from './wait';
export * from './tasks';
export * from './session';
export * from './shared-state';
export * from './paging';
export * from './http';
export * from './vr';
