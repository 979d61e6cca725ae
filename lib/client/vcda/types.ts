/**
 * Named aliases of the VCDA contract's schemas, taken from the code openapi-typescript generates from
 * `specs/vcda-api.json` (`./generated/openapi.ts`; regenerate with `npm run generate:vcda-types`, never edit it).
 *
 * Calls no endpoint.
 *
 * @public
 */
import type { components, paths } from './generated/openapi';

type Schemas = components['schemas'];

export type { components as VcdaComponents, paths as VcdaPaths };

export type VcdaApiError = Schemas['ApiError'];
export type VcdaLoginRequest = Schemas['LoginRequest'];
export type VcdaExtendRequest = Schemas['ExtendRequest'];
export type VcdaSessionDetails = Schemas['C4SessionDetails'];
export type VcdaSite = Schemas['Site'];
export type VcdaInventoryVm = Schemas['InventoryVm'];
export type VcdaRetentionRule = Schemas['RetentionRule'];
export type VcdaRetentionPolicy = Schemas['RetentionPolicy'];
export type VcdaDataConnectionType = Schemas['DataConnectionType'];
export type VcdaSourceVm = Schemas['SourceVcloudVm'];
export type VcdaVcloudDestination = Schemas['VcloudDestination'];
export type VcdaStartReplication = Schemas['StartVmReplication'];
export type VcdaReconfigureReplication = Schemas['ReconfigureVmReplication'];
export type VcdaEndpoint = Schemas['Endpoint'];
export type VcdaReplicationSettings = Schemas['ReplicationSettings'];
export type VcdaDestinationState = Schemas['DestinationState'];
export type VcdaReplication = Schemas['SingleVmReplicationInfo'];
export type VcdaReplicationList = Schemas['VmReplicationList'];
export type VcdaTask = Schemas['Task'];
export type VcdaTestFailoverSettings = Schemas['VmFailoverTestSettings'];
export type VcdaRecoveryInfo = Schemas['VmRecoveryInfo'];

/** The login types repliform sends (`POST /sessions`): user-name-and-password ones only. @public */
export type VcdaPasswordLoginType = 'vcdCredentials' | 'localUser' | 'ssoCredentials';

/** A user name and password. @public */
export interface VcdaCredentials {
  readonly username: string;
  readonly password: string;
}
