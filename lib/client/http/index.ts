/**
 * HTTP layer barrel: createHttpClient, TLS/retry options, the ApiError family and redaction.
 * Calls no endpoint itself.
 * @public
 */
export * from './errors';
export * from './http-client';
