/**
 * VR client barrel. Endpoints: see `vr-client.ts`.
 * @public
 */
export * from './types';
export * from './profile';
export * from './vr-client';
export * from './ranges';
