import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { ApplyResourceChange as _tfplugin6_ApplyResourceChange, ApplyResourceChange__Output as _tfplugin6_ApplyResourceChange__Output } from './tfplugin6/ApplyResourceChange';
import type { AttributePath as _tfplugin6_AttributePath, AttributePath__Output as _tfplugin6_AttributePath__Output } from './tfplugin6/AttributePath';
import type { CallFunction as _tfplugin6_CallFunction, CallFunction__Output as _tfplugin6_CallFunction__Output } from './tfplugin6/CallFunction';
import type { ClientCapabilities as _tfplugin6_ClientCapabilities, ClientCapabilities__Output as _tfplugin6_ClientCapabilities__Output } from './tfplugin6/ClientCapabilities';
import type { CloseEphemeralResource as _tfplugin6_CloseEphemeralResource, CloseEphemeralResource__Output as _tfplugin6_CloseEphemeralResource__Output } from './tfplugin6/CloseEphemeralResource';
import type { ConfigureProvider as _tfplugin6_ConfigureProvider, ConfigureProvider__Output as _tfplugin6_ConfigureProvider__Output } from './tfplugin6/ConfigureProvider';
import type { Deferred as _tfplugin6_Deferred, Deferred__Output as _tfplugin6_Deferred__Output } from './tfplugin6/Deferred';
import type { Diagnostic as _tfplugin6_Diagnostic, Diagnostic__Output as _tfplugin6_Diagnostic__Output } from './tfplugin6/Diagnostic';
import type { DynamicValue as _tfplugin6_DynamicValue, DynamicValue__Output as _tfplugin6_DynamicValue__Output } from './tfplugin6/DynamicValue';
import type { Function as _tfplugin6_Function, Function__Output as _tfplugin6_Function__Output } from './tfplugin6/Function';
import type { FunctionError as _tfplugin6_FunctionError, FunctionError__Output as _tfplugin6_FunctionError__Output } from './tfplugin6/FunctionError';
import type { GetFunctions as _tfplugin6_GetFunctions, GetFunctions__Output as _tfplugin6_GetFunctions__Output } from './tfplugin6/GetFunctions';
import type { GetMetadata as _tfplugin6_GetMetadata, GetMetadata__Output as _tfplugin6_GetMetadata__Output } from './tfplugin6/GetMetadata';
import type { GetProviderSchema as _tfplugin6_GetProviderSchema, GetProviderSchema__Output as _tfplugin6_GetProviderSchema__Output } from './tfplugin6/GetProviderSchema';
import type { ImportResourceState as _tfplugin6_ImportResourceState, ImportResourceState__Output as _tfplugin6_ImportResourceState__Output } from './tfplugin6/ImportResourceState';
import type { MoveResourceState as _tfplugin6_MoveResourceState, MoveResourceState__Output as _tfplugin6_MoveResourceState__Output } from './tfplugin6/MoveResourceState';
import type { OpenEphemeralResource as _tfplugin6_OpenEphemeralResource, OpenEphemeralResource__Output as _tfplugin6_OpenEphemeralResource__Output } from './tfplugin6/OpenEphemeralResource';
import type { PlanResourceChange as _tfplugin6_PlanResourceChange, PlanResourceChange__Output as _tfplugin6_PlanResourceChange__Output } from './tfplugin6/PlanResourceChange';
import type { ProviderClient as _tfplugin6_ProviderClient, ProviderDefinition as _tfplugin6_ProviderDefinition } from './tfplugin6/Provider';
import type { RawState as _tfplugin6_RawState, RawState__Output as _tfplugin6_RawState__Output } from './tfplugin6/RawState';
import type { ReadDataSource as _tfplugin6_ReadDataSource, ReadDataSource__Output as _tfplugin6_ReadDataSource__Output } from './tfplugin6/ReadDataSource';
import type { ReadResource as _tfplugin6_ReadResource, ReadResource__Output as _tfplugin6_ReadResource__Output } from './tfplugin6/ReadResource';
import type { RenewEphemeralResource as _tfplugin6_RenewEphemeralResource, RenewEphemeralResource__Output as _tfplugin6_RenewEphemeralResource__Output } from './tfplugin6/RenewEphemeralResource';
import type { Schema as _tfplugin6_Schema, Schema__Output as _tfplugin6_Schema__Output } from './tfplugin6/Schema';
import type { ServerCapabilities as _tfplugin6_ServerCapabilities, ServerCapabilities__Output as _tfplugin6_ServerCapabilities__Output } from './tfplugin6/ServerCapabilities';
import type { StopProvider as _tfplugin6_StopProvider, StopProvider__Output as _tfplugin6_StopProvider__Output } from './tfplugin6/StopProvider';
import type { UpgradeResourceState as _tfplugin6_UpgradeResourceState, UpgradeResourceState__Output as _tfplugin6_UpgradeResourceState__Output } from './tfplugin6/UpgradeResourceState';
import type { ValidateDataResourceConfig as _tfplugin6_ValidateDataResourceConfig, ValidateDataResourceConfig__Output as _tfplugin6_ValidateDataResourceConfig__Output } from './tfplugin6/ValidateDataResourceConfig';
import type { ValidateEphemeralResourceConfig as _tfplugin6_ValidateEphemeralResourceConfig, ValidateEphemeralResourceConfig__Output as _tfplugin6_ValidateEphemeralResourceConfig__Output } from './tfplugin6/ValidateEphemeralResourceConfig';
import type { ValidateProviderConfig as _tfplugin6_ValidateProviderConfig, ValidateProviderConfig__Output as _tfplugin6_ValidateProviderConfig__Output } from './tfplugin6/ValidateProviderConfig';
import type { ValidateResourceConfig as _tfplugin6_ValidateResourceConfig, ValidateResourceConfig__Output as _tfplugin6_ValidateResourceConfig__Output } from './tfplugin6/ValidateResourceConfig';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  tfplugin6: {
    ApplyResourceChange: MessageTypeDefinition<_tfplugin6_ApplyResourceChange, _tfplugin6_ApplyResourceChange__Output>
    AttributePath: MessageTypeDefinition<_tfplugin6_AttributePath, _tfplugin6_AttributePath__Output>
    CallFunction: MessageTypeDefinition<_tfplugin6_CallFunction, _tfplugin6_CallFunction__Output>
    ClientCapabilities: MessageTypeDefinition<_tfplugin6_ClientCapabilities, _tfplugin6_ClientCapabilities__Output>
    CloseEphemeralResource: MessageTypeDefinition<_tfplugin6_CloseEphemeralResource, _tfplugin6_CloseEphemeralResource__Output>
    ConfigureProvider: MessageTypeDefinition<_tfplugin6_ConfigureProvider, _tfplugin6_ConfigureProvider__Output>
    Deferred: MessageTypeDefinition<_tfplugin6_Deferred, _tfplugin6_Deferred__Output>
    Diagnostic: MessageTypeDefinition<_tfplugin6_Diagnostic, _tfplugin6_Diagnostic__Output>
    DynamicValue: MessageTypeDefinition<_tfplugin6_DynamicValue, _tfplugin6_DynamicValue__Output>
    Function: MessageTypeDefinition<_tfplugin6_Function, _tfplugin6_Function__Output>
    FunctionError: MessageTypeDefinition<_tfplugin6_FunctionError, _tfplugin6_FunctionError__Output>
    GetFunctions: MessageTypeDefinition<_tfplugin6_GetFunctions, _tfplugin6_GetFunctions__Output>
    GetMetadata: MessageTypeDefinition<_tfplugin6_GetMetadata, _tfplugin6_GetMetadata__Output>
    GetProviderSchema: MessageTypeDefinition<_tfplugin6_GetProviderSchema, _tfplugin6_GetProviderSchema__Output>
    ImportResourceState: MessageTypeDefinition<_tfplugin6_ImportResourceState, _tfplugin6_ImportResourceState__Output>
    MoveResourceState: MessageTypeDefinition<_tfplugin6_MoveResourceState, _tfplugin6_MoveResourceState__Output>
    OpenEphemeralResource: MessageTypeDefinition<_tfplugin6_OpenEphemeralResource, _tfplugin6_OpenEphemeralResource__Output>
    PlanResourceChange: MessageTypeDefinition<_tfplugin6_PlanResourceChange, _tfplugin6_PlanResourceChange__Output>
    Provider: SubtypeConstructor<typeof grpc.Client, _tfplugin6_ProviderClient> & { service: _tfplugin6_ProviderDefinition }
    RawState: MessageTypeDefinition<_tfplugin6_RawState, _tfplugin6_RawState__Output>
    ReadDataSource: MessageTypeDefinition<_tfplugin6_ReadDataSource, _tfplugin6_ReadDataSource__Output>
    ReadResource: MessageTypeDefinition<_tfplugin6_ReadResource, _tfplugin6_ReadResource__Output>
    RenewEphemeralResource: MessageTypeDefinition<_tfplugin6_RenewEphemeralResource, _tfplugin6_RenewEphemeralResource__Output>
    Schema: MessageTypeDefinition<_tfplugin6_Schema, _tfplugin6_Schema__Output>
    ServerCapabilities: MessageTypeDefinition<_tfplugin6_ServerCapabilities, _tfplugin6_ServerCapabilities__Output>
    StopProvider: MessageTypeDefinition<_tfplugin6_StopProvider, _tfplugin6_StopProvider__Output>
    StringKind: EnumTypeDefinition
    UpgradeResourceState: MessageTypeDefinition<_tfplugin6_UpgradeResourceState, _tfplugin6_UpgradeResourceState__Output>
    ValidateDataResourceConfig: MessageTypeDefinition<_tfplugin6_ValidateDataResourceConfig, _tfplugin6_ValidateDataResourceConfig__Output>
    ValidateEphemeralResourceConfig: MessageTypeDefinition<_tfplugin6_ValidateEphemeralResourceConfig, _tfplugin6_ValidateEphemeralResourceConfig__Output>
    ValidateProviderConfig: MessageTypeDefinition<_tfplugin6_ValidateProviderConfig, _tfplugin6_ValidateProviderConfig__Output>
    ValidateResourceConfig: MessageTypeDefinition<_tfplugin6_ValidateResourceConfig, _tfplugin6_ValidateResourceConfig__Output>
  }
}

