/**
 * Named aliases of the SDRS contract's schemas, taken from the code openapi-typescript generates from
 * `specs/sdrs-api.json` (`./generated/openapi.ts`; regenerate with `npm run generate:sdrs-types`, never edit it).
 *
 * Calls no endpoint.
 *
 * @public
 */
import type { components, paths } from './generated/openapi';

type Schemas = components['schemas'];

export type { components as SdrsComponents, paths as SdrsPaths };

export type SdrsErrorResponse = Schemas['ErrorResponse'];
export type SdrsJob = Schemas['Job'];
export type SdrsCloudServer = Schemas['CloudServer'];
export type SdrsCloudVolume = Schemas['CloudVolume'];
export type SdrsJobStatus = SdrsJob['status'];
export type SdrsJobId = Schemas['JobId'];

export type SdrsServerGroup = Schemas['ServerGroup'];
export type SdrsCreateServerGroup = Schemas['CreateServerGroup']['server_group'];
export type SdrsServerGroupAction = Schemas['ServerGroupAction'];

export type SdrsReplication = Schemas['Replication'];
export type SdrsCreateReplication = Schemas['CreateReplication']['replication'];

export type SdrsProtectedInstance = Schemas['ProtectedInstance'];
export type SdrsCreateProtectedInstance = Schemas['CreateProtectedInstance']['protected_instance'];

export type SdrsDrill = Schemas['DisasterRecoveryDrill'];
export type SdrsDrillServer = Schemas['DrillServer'];
export type SdrsCreateDrill = Schemas['CreateDisasterRecoveryDrill']['disaster_recovery_drill'];

/** AK/SK credentials (signed requests) or an IAM token (`X-Auth-Token`). @public */
export type SdrsCredentials = { readonly accessKey: string; readonly secretKey: string } | { readonly token: string };
