/**
 * The typed VCDA client, its vendor profile and its types.
 * Calls no endpoint itself; see vcda-client.ts for its endpoints.
 * @public
 */
export * from './types';
export * from './profile';
export * from './vcda-client';
