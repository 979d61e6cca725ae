/**
 * The typed SDRS client, its AK/SK signer, its vendor profile and its types.
 * Calls no endpoint itself; see sdrs-client.ts for its endpoints.
 * @public
 */
export * from './types';
export * from './profile';
export * from './signer';
export * from './sdrs-client';
