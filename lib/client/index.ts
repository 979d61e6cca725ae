/**
 * Client layer barrel: the generic waiter, the HTTP layer (ApiError family, redaction) and the typed VR client.
 * Calls no endpoint itself; see the header comment of each client for its endpoints.
 * @public
 */
export * from './wait';
export * from './http';
export * from './vr';
