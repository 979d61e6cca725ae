/**
 * HTTP layer barrel: createHttpClient, TLS/retry options, the vendor profile, the ApiError family and redaction.
 * Calls no endpoint itself.
 * @public
 */
export * from './errors';
export * from './http-client';
export * from './vendor';
