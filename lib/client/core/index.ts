/**
 * The client core: resolved configuration, the skeleton every vendor client stands on, and the small shared checks.
 * Calls no endpoint itself; see client-core.ts.
 * @public
 */
export * from './config';
export * from './client-core';
export * from './guards';
