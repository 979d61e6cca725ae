// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { _tfplugin6_GetMetadata_Request, _tfplugin6_GetMetadata_Request__Output } from '../tfplugin6/GetMetadata';
import type { _tfplugin6_GetProviderSchema_Request, _tfplugin6_GetProviderSchema_Request__Output } from '../tfplugin6/GetProviderSchema';
import type { _tfplugin6_ValidateProviderConfig_Request, _tfplugin6_ValidateProviderConfig_Request__Output } from '../tfplugin6/ValidateProviderConfig';
import type { _tfplugin6_ValidateResourceConfig_Request, _tfplugin6_ValidateResourceConfig_Request__Output } from '../tfplugin6/ValidateResourceConfig';
import type { _tfplugin6_ValidateDataResourceConfig_Request, _tfplugin6_ValidateDataResourceConfig_Request__Output } from '../tfplugin6/ValidateDataResourceConfig';
import type { _tfplugin6_UpgradeResourceState_Request, _tfplugin6_UpgradeResourceState_Request__Output } from '../tfplugin6/UpgradeResourceState';
import type { _tfplugin6_ConfigureProvider_Request, _tfplugin6_ConfigureProvider_Request__Output } from '../tfplugin6/ConfigureProvider';
import type { _tfplugin6_ReadResource_Request, _tfplugin6_ReadResource_Request__Output } from '../tfplugin6/ReadResource';
import type { _tfplugin6_PlanResourceChange_Request, _tfplugin6_PlanResourceChange_Request__Output } from '../tfplugin6/PlanResourceChange';
import type { _tfplugin6_ApplyResourceChange_Request, _tfplugin6_ApplyResourceChange_Request__Output } from '../tfplugin6/ApplyResourceChange';
import type { _tfplugin6_ImportResourceState_Request, _tfplugin6_ImportResourceState_Request__Output } from '../tfplugin6/ImportResourceState';
import type { _tfplugin6_MoveResourceState_Request, _tfplugin6_MoveResourceState_Request__Output } from '../tfplugin6/MoveResourceState';
import type { _tfplugin6_ReadDataSource_Request, _tfplugin6_ReadDataSource_Request__Output } from '../tfplugin6/ReadDataSource';
import type { _tfplugin6_ValidateEphemeralResourceConfig_Request, _tfplugin6_ValidateEphemeralResourceConfig_Request__Output } from '../tfplugin6/ValidateEphemeralResourceConfig';
import type { _tfplugin6_OpenEphemeralResource_Request, _tfplugin6_OpenEphemeralResource_Request__Output } from '../tfplugin6/OpenEphemeralResource';
import type { _tfplugin6_RenewEphemeralResource_Request, _tfplugin6_RenewEphemeralResource_Request__Output } from '../tfplugin6/RenewEphemeralResource';
import type { _tfplugin6_CloseEphemeralResource_Request, _tfplugin6_CloseEphemeralResource_Request__Output } from '../tfplugin6/CloseEphemeralResource';
import type { _tfplugin6_GetFunctions_Request, _tfplugin6_GetFunctions_Request__Output } from '../tfplugin6/GetFunctions';
import type { _tfplugin6_CallFunction_Request, _tfplugin6_CallFunction_Request__Output } from '../tfplugin6/CallFunction';
import type { _tfplugin6_StopProvider_Request, _tfplugin6_StopProvider_Request__Output } from '../tfplugin6/StopProvider';
import type { _tfplugin6_GetMetadata_Response, _tfplugin6_GetMetadata_Response__Output } from '../tfplugin6/GetMetadata';
import type { _tfplugin6_GetProviderSchema_Response, _tfplugin6_GetProviderSchema_Response__Output } from '../tfplugin6/GetProviderSchema';
import type { _tfplugin6_ValidateProviderConfig_Response, _tfplugin6_ValidateProviderConfig_Response__Output } from '../tfplugin6/ValidateProviderConfig';
import type { _tfplugin6_ValidateResourceConfig_Response, _tfplugin6_ValidateResourceConfig_Response__Output } from '../tfplugin6/ValidateResourceConfig';
import type { _tfplugin6_ValidateDataResourceConfig_Response, _tfplugin6_ValidateDataResourceConfig_Response__Output } from '../tfplugin6/ValidateDataResourceConfig';
import type { _tfplugin6_UpgradeResourceState_Response, _tfplugin6_UpgradeResourceState_Response__Output } from '../tfplugin6/UpgradeResourceState';
import type { _tfplugin6_ConfigureProvider_Response, _tfplugin6_ConfigureProvider_Response__Output } from '../tfplugin6/ConfigureProvider';
import type { _tfplugin6_ReadResource_Response, _tfplugin6_ReadResource_Response__Output } from '../tfplugin6/ReadResource';
import type { _tfplugin6_PlanResourceChange_Response, _tfplugin6_PlanResourceChange_Response__Output } from '../tfplugin6/PlanResourceChange';
import type { _tfplugin6_ApplyResourceChange_Response, _tfplugin6_ApplyResourceChange_Response__Output } from '../tfplugin6/ApplyResourceChange';
import type { _tfplugin6_ImportResourceState_Response, _tfplugin6_ImportResourceState_Response__Output } from '../tfplugin6/ImportResourceState';
import type { _tfplugin6_MoveResourceState_Response, _tfplugin6_MoveResourceState_Response__Output } from '../tfplugin6/MoveResourceState';
import type { _tfplugin6_ReadDataSource_Response, _tfplugin6_ReadDataSource_Response__Output } from '../tfplugin6/ReadDataSource';
import type { _tfplugin6_ValidateEphemeralResourceConfig_Response, _tfplugin6_ValidateEphemeralResourceConfig_Response__Output } from '../tfplugin6/ValidateEphemeralResourceConfig';
import type { _tfplugin6_OpenEphemeralResource_Response, _tfplugin6_OpenEphemeralResource_Response__Output } from '../tfplugin6/OpenEphemeralResource';
import type { _tfplugin6_RenewEphemeralResource_Response, _tfplugin6_RenewEphemeralResource_Response__Output } from '../tfplugin6/RenewEphemeralResource';
import type { _tfplugin6_CloseEphemeralResource_Response, _tfplugin6_CloseEphemeralResource_Response__Output } from '../tfplugin6/CloseEphemeralResource';
import type { _tfplugin6_GetFunctions_Response, _tfplugin6_GetFunctions_Response__Output } from '../tfplugin6/GetFunctions';
import type { _tfplugin6_CallFunction_Response, _tfplugin6_CallFunction_Response__Output } from '../tfplugin6/CallFunction';
import type { _tfplugin6_StopProvider_Response, _tfplugin6_StopProvider_Response__Output } from '../tfplugin6/StopProvider';

export interface ProviderClient extends grpc.Client {
  ApplyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  ApplyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  ApplyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  ApplyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  applyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  applyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  applyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  applyResourceChange(argument: _tfplugin6_ApplyResourceChange_Request, callback: grpc.requestCallback<_tfplugin6_ApplyResourceChange_Response__Output>): grpc.ClientUnaryCall;
  
  CallFunction(argument: _tfplugin6_CallFunction_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  CallFunction(argument: _tfplugin6_CallFunction_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  CallFunction(argument: _tfplugin6_CallFunction_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  CallFunction(argument: _tfplugin6_CallFunction_Request, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  callFunction(argument: _tfplugin6_CallFunction_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  callFunction(argument: _tfplugin6_CallFunction_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  callFunction(argument: _tfplugin6_CallFunction_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  callFunction(argument: _tfplugin6_CallFunction_Request, callback: grpc.requestCallback<_tfplugin6_CallFunction_Response__Output>): grpc.ClientUnaryCall;
  
  CloseEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  CloseEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  CloseEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  CloseEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  closeEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  closeEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  closeEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  closeEphemeralResource(argument: _tfplugin6_CloseEphemeralResource_Request, callback: grpc.requestCallback<_tfplugin6_CloseEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  
  ConfigureProvider(argument: _tfplugin6_ConfigureProvider_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  ConfigureProvider(argument: _tfplugin6_ConfigureProvider_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  ConfigureProvider(argument: _tfplugin6_ConfigureProvider_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  ConfigureProvider(argument: _tfplugin6_ConfigureProvider_Request, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  configureProvider(argument: _tfplugin6_ConfigureProvider_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  configureProvider(argument: _tfplugin6_ConfigureProvider_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  configureProvider(argument: _tfplugin6_ConfigureProvider_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  configureProvider(argument: _tfplugin6_ConfigureProvider_Request, callback: grpc.requestCallback<_tfplugin6_ConfigureProvider_Response__Output>): grpc.ClientUnaryCall;
  
  GetFunctions(argument: _tfplugin6_GetFunctions_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  GetFunctions(argument: _tfplugin6_GetFunctions_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  GetFunctions(argument: _tfplugin6_GetFunctions_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  GetFunctions(argument: _tfplugin6_GetFunctions_Request, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  getFunctions(argument: _tfplugin6_GetFunctions_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  getFunctions(argument: _tfplugin6_GetFunctions_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  getFunctions(argument: _tfplugin6_GetFunctions_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  getFunctions(argument: _tfplugin6_GetFunctions_Request, callback: grpc.requestCallback<_tfplugin6_GetFunctions_Response__Output>): grpc.ClientUnaryCall;
  
  GetMetadata(argument: _tfplugin6_GetMetadata_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  GetMetadata(argument: _tfplugin6_GetMetadata_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  GetMetadata(argument: _tfplugin6_GetMetadata_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  GetMetadata(argument: _tfplugin6_GetMetadata_Request, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  getMetadata(argument: _tfplugin6_GetMetadata_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  getMetadata(argument: _tfplugin6_GetMetadata_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  getMetadata(argument: _tfplugin6_GetMetadata_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  getMetadata(argument: _tfplugin6_GetMetadata_Request, callback: grpc.requestCallback<_tfplugin6_GetMetadata_Response__Output>): grpc.ClientUnaryCall;
  
  GetProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  GetProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  GetProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  GetProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  getProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  getProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  getProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  getProviderSchema(argument: _tfplugin6_GetProviderSchema_Request, callback: grpc.requestCallback<_tfplugin6_GetProviderSchema_Response__Output>): grpc.ClientUnaryCall;
  
  ImportResourceState(argument: _tfplugin6_ImportResourceState_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  ImportResourceState(argument: _tfplugin6_ImportResourceState_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  ImportResourceState(argument: _tfplugin6_ImportResourceState_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  ImportResourceState(argument: _tfplugin6_ImportResourceState_Request, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  importResourceState(argument: _tfplugin6_ImportResourceState_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  importResourceState(argument: _tfplugin6_ImportResourceState_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  importResourceState(argument: _tfplugin6_ImportResourceState_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  importResourceState(argument: _tfplugin6_ImportResourceState_Request, callback: grpc.requestCallback<_tfplugin6_ImportResourceState_Response__Output>): grpc.ClientUnaryCall;
  
  MoveResourceState(argument: _tfplugin6_MoveResourceState_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  MoveResourceState(argument: _tfplugin6_MoveResourceState_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  MoveResourceState(argument: _tfplugin6_MoveResourceState_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  MoveResourceState(argument: _tfplugin6_MoveResourceState_Request, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  moveResourceState(argument: _tfplugin6_MoveResourceState_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  moveResourceState(argument: _tfplugin6_MoveResourceState_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  moveResourceState(argument: _tfplugin6_MoveResourceState_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  moveResourceState(argument: _tfplugin6_MoveResourceState_Request, callback: grpc.requestCallback<_tfplugin6_MoveResourceState_Response__Output>): grpc.ClientUnaryCall;
  
  OpenEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  OpenEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  OpenEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  OpenEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  openEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  openEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  openEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  openEphemeralResource(argument: _tfplugin6_OpenEphemeralResource_Request, callback: grpc.requestCallback<_tfplugin6_OpenEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  
  PlanResourceChange(argument: _tfplugin6_PlanResourceChange_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  PlanResourceChange(argument: _tfplugin6_PlanResourceChange_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  PlanResourceChange(argument: _tfplugin6_PlanResourceChange_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  PlanResourceChange(argument: _tfplugin6_PlanResourceChange_Request, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  planResourceChange(argument: _tfplugin6_PlanResourceChange_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  planResourceChange(argument: _tfplugin6_PlanResourceChange_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  planResourceChange(argument: _tfplugin6_PlanResourceChange_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  planResourceChange(argument: _tfplugin6_PlanResourceChange_Request, callback: grpc.requestCallback<_tfplugin6_PlanResourceChange_Response__Output>): grpc.ClientUnaryCall;
  
  ReadDataSource(argument: _tfplugin6_ReadDataSource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  ReadDataSource(argument: _tfplugin6_ReadDataSource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  ReadDataSource(argument: _tfplugin6_ReadDataSource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  ReadDataSource(argument: _tfplugin6_ReadDataSource_Request, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  readDataSource(argument: _tfplugin6_ReadDataSource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  readDataSource(argument: _tfplugin6_ReadDataSource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  readDataSource(argument: _tfplugin6_ReadDataSource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  readDataSource(argument: _tfplugin6_ReadDataSource_Request, callback: grpc.requestCallback<_tfplugin6_ReadDataSource_Response__Output>): grpc.ClientUnaryCall;
  
  ReadResource(argument: _tfplugin6_ReadResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  ReadResource(argument: _tfplugin6_ReadResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  ReadResource(argument: _tfplugin6_ReadResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  ReadResource(argument: _tfplugin6_ReadResource_Request, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  readResource(argument: _tfplugin6_ReadResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  readResource(argument: _tfplugin6_ReadResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  readResource(argument: _tfplugin6_ReadResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  readResource(argument: _tfplugin6_ReadResource_Request, callback: grpc.requestCallback<_tfplugin6_ReadResource_Response__Output>): grpc.ClientUnaryCall;
  
  RenewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  RenewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  RenewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  RenewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  renewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  renewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  renewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  renewEphemeralResource(argument: _tfplugin6_RenewEphemeralResource_Request, callback: grpc.requestCallback<_tfplugin6_RenewEphemeralResource_Response__Output>): grpc.ClientUnaryCall;
  
  StopProvider(argument: _tfplugin6_StopProvider_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  StopProvider(argument: _tfplugin6_StopProvider_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  StopProvider(argument: _tfplugin6_StopProvider_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  StopProvider(argument: _tfplugin6_StopProvider_Request, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  stopProvider(argument: _tfplugin6_StopProvider_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  stopProvider(argument: _tfplugin6_StopProvider_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  stopProvider(argument: _tfplugin6_StopProvider_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  stopProvider(argument: _tfplugin6_StopProvider_Request, callback: grpc.requestCallback<_tfplugin6_StopProvider_Response__Output>): grpc.ClientUnaryCall;
  
  UpgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  UpgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  UpgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  UpgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  upgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  upgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  upgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  upgradeResourceState(argument: _tfplugin6_UpgradeResourceState_Request, callback: grpc.requestCallback<_tfplugin6_UpgradeResourceState_Response__Output>): grpc.ClientUnaryCall;
  
  ValidateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateDataResourceConfig(argument: _tfplugin6_ValidateDataResourceConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateDataResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  
  ValidateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateEphemeralResourceConfig(argument: _tfplugin6_ValidateEphemeralResourceConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateEphemeralResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  
  ValidateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  validateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  validateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  validateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  validateProviderConfig(argument: _tfplugin6_ValidateProviderConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateProviderConfig_Response__Output>): grpc.ClientUnaryCall;
  
  ValidateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  ValidateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, metadata: grpc.Metadata, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, options: grpc.CallOptions, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  validateResourceConfig(argument: _tfplugin6_ValidateResourceConfig_Request, callback: grpc.requestCallback<_tfplugin6_ValidateResourceConfig_Response__Output>): grpc.ClientUnaryCall;
  
}

export interface ProviderHandlers extends grpc.UntypedServiceImplementation {
  ApplyResourceChange: grpc.handleUnaryCall<_tfplugin6_ApplyResourceChange_Request__Output, _tfplugin6_ApplyResourceChange_Response>;
  
  CallFunction: grpc.handleUnaryCall<_tfplugin6_CallFunction_Request__Output, _tfplugin6_CallFunction_Response>;
  
  CloseEphemeralResource: grpc.handleUnaryCall<_tfplugin6_CloseEphemeralResource_Request__Output, _tfplugin6_CloseEphemeralResource_Response>;
  
  ConfigureProvider: grpc.handleUnaryCall<_tfplugin6_ConfigureProvider_Request__Output, _tfplugin6_ConfigureProvider_Response>;
  
  GetFunctions: grpc.handleUnaryCall<_tfplugin6_GetFunctions_Request__Output, _tfplugin6_GetFunctions_Response>;
  
  GetMetadata: grpc.handleUnaryCall<_tfplugin6_GetMetadata_Request__Output, _tfplugin6_GetMetadata_Response>;
  
  GetProviderSchema: grpc.handleUnaryCall<_tfplugin6_GetProviderSchema_Request__Output, _tfplugin6_GetProviderSchema_Response>;
  
  ImportResourceState: grpc.handleUnaryCall<_tfplugin6_ImportResourceState_Request__Output, _tfplugin6_ImportResourceState_Response>;
  
  MoveResourceState: grpc.handleUnaryCall<_tfplugin6_MoveResourceState_Request__Output, _tfplugin6_MoveResourceState_Response>;
  
  OpenEphemeralResource: grpc.handleUnaryCall<_tfplugin6_OpenEphemeralResource_Request__Output, _tfplugin6_OpenEphemeralResource_Response>;
  
  PlanResourceChange: grpc.handleUnaryCall<_tfplugin6_PlanResourceChange_Request__Output, _tfplugin6_PlanResourceChange_Response>;
  
  ReadDataSource: grpc.handleUnaryCall<_tfplugin6_ReadDataSource_Request__Output, _tfplugin6_ReadDataSource_Response>;
  
  ReadResource: grpc.handleUnaryCall<_tfplugin6_ReadResource_Request__Output, _tfplugin6_ReadResource_Response>;
  
  RenewEphemeralResource: grpc.handleUnaryCall<_tfplugin6_RenewEphemeralResource_Request__Output, _tfplugin6_RenewEphemeralResource_Response>;
  
  StopProvider: grpc.handleUnaryCall<_tfplugin6_StopProvider_Request__Output, _tfplugin6_StopProvider_Response>;
  
  UpgradeResourceState: grpc.handleUnaryCall<_tfplugin6_UpgradeResourceState_Request__Output, _tfplugin6_UpgradeResourceState_Response>;
  
  ValidateDataResourceConfig: grpc.handleUnaryCall<_tfplugin6_ValidateDataResourceConfig_Request__Output, _tfplugin6_ValidateDataResourceConfig_Response>;
  
  ValidateEphemeralResourceConfig: grpc.handleUnaryCall<_tfplugin6_ValidateEphemeralResourceConfig_Request__Output, _tfplugin6_ValidateEphemeralResourceConfig_Response>;
  
  ValidateProviderConfig: grpc.handleUnaryCall<_tfplugin6_ValidateProviderConfig_Request__Output, _tfplugin6_ValidateProviderConfig_Response>;
  
  ValidateResourceConfig: grpc.handleUnaryCall<_tfplugin6_ValidateResourceConfig_Request__Output, _tfplugin6_ValidateResourceConfig_Response>;
  
}

export interface ProviderDefinition extends grpc.ServiceDefinition {
  ApplyResourceChange: MethodDefinition<_tfplugin6_ApplyResourceChange_Request, _tfplugin6_ApplyResourceChange_Response, _tfplugin6_ApplyResourceChange_Request__Output, _tfplugin6_ApplyResourceChange_Response__Output>
  CallFunction: MethodDefinition<_tfplugin6_CallFunction_Request, _tfplugin6_CallFunction_Response, _tfplugin6_CallFunction_Request__Output, _tfplugin6_CallFunction_Response__Output>
  CloseEphemeralResource: MethodDefinition<_tfplugin6_CloseEphemeralResource_Request, _tfplugin6_CloseEphemeralResource_Response, _tfplugin6_CloseEphemeralResource_Request__Output, _tfplugin6_CloseEphemeralResource_Response__Output>
  ConfigureProvider: MethodDefinition<_tfplugin6_ConfigureProvider_Request, _tfplugin6_ConfigureProvider_Response, _tfplugin6_ConfigureProvider_Request__Output, _tfplugin6_ConfigureProvider_Response__Output>
  GetFunctions: MethodDefinition<_tfplugin6_GetFunctions_Request, _tfplugin6_GetFunctions_Response, _tfplugin6_GetFunctions_Request__Output, _tfplugin6_GetFunctions_Response__Output>
  GetMetadata: MethodDefinition<_tfplugin6_GetMetadata_Request, _tfplugin6_GetMetadata_Response, _tfplugin6_GetMetadata_Request__Output, _tfplugin6_GetMetadata_Response__Output>
  GetProviderSchema: MethodDefinition<_tfplugin6_GetProviderSchema_Request, _tfplugin6_GetProviderSchema_Response, _tfplugin6_GetProviderSchema_Request__Output, _tfplugin6_GetProviderSchema_Response__Output>
  ImportResourceState: MethodDefinition<_tfplugin6_ImportResourceState_Request, _tfplugin6_ImportResourceState_Response, _tfplugin6_ImportResourceState_Request__Output, _tfplugin6_ImportResourceState_Response__Output>
  MoveResourceState: MethodDefinition<_tfplugin6_MoveResourceState_Request, _tfplugin6_MoveResourceState_Response, _tfplugin6_MoveResourceState_Request__Output, _tfplugin6_MoveResourceState_Response__Output>
  OpenEphemeralResource: MethodDefinition<_tfplugin6_OpenEphemeralResource_Request, _tfplugin6_OpenEphemeralResource_Response, _tfplugin6_OpenEphemeralResource_Request__Output, _tfplugin6_OpenEphemeralResource_Response__Output>
  PlanResourceChange: MethodDefinition<_tfplugin6_PlanResourceChange_Request, _tfplugin6_PlanResourceChange_Response, _tfplugin6_PlanResourceChange_Request__Output, _tfplugin6_PlanResourceChange_Response__Output>
  ReadDataSource: MethodDefinition<_tfplugin6_ReadDataSource_Request, _tfplugin6_ReadDataSource_Response, _tfplugin6_ReadDataSource_Request__Output, _tfplugin6_ReadDataSource_Response__Output>
  ReadResource: MethodDefinition<_tfplugin6_ReadResource_Request, _tfplugin6_ReadResource_Response, _tfplugin6_ReadResource_Request__Output, _tfplugin6_ReadResource_Response__Output>
  RenewEphemeralResource: MethodDefinition<_tfplugin6_RenewEphemeralResource_Request, _tfplugin6_RenewEphemeralResource_Response, _tfplugin6_RenewEphemeralResource_Request__Output, _tfplugin6_RenewEphemeralResource_Response__Output>
  StopProvider: MethodDefinition<_tfplugin6_StopProvider_Request, _tfplugin6_StopProvider_Response, _tfplugin6_StopProvider_Request__Output, _tfplugin6_StopProvider_Response__Output>
  UpgradeResourceState: MethodDefinition<_tfplugin6_UpgradeResourceState_Request, _tfplugin6_UpgradeResourceState_Response, _tfplugin6_UpgradeResourceState_Request__Output, _tfplugin6_UpgradeResourceState_Response__Output>
  ValidateDataResourceConfig: MethodDefinition<_tfplugin6_ValidateDataResourceConfig_Request, _tfplugin6_ValidateDataResourceConfig_Response, _tfplugin6_ValidateDataResourceConfig_Request__Output, _tfplugin6_ValidateDataResourceConfig_Response__Output>
  ValidateEphemeralResourceConfig: MethodDefinition<_tfplugin6_ValidateEphemeralResourceConfig_Request, _tfplugin6_ValidateEphemeralResourceConfig_Response, _tfplugin6_ValidateEphemeralResourceConfig_Request__Output, _tfplugin6_ValidateEphemeralResourceConfig_Response__Output>
  ValidateProviderConfig: MethodDefinition<_tfplugin6_ValidateProviderConfig_Request, _tfplugin6_ValidateProviderConfig_Response, _tfplugin6_ValidateProviderConfig_Request__Output, _tfplugin6_ValidateProviderConfig_Response__Output>
  ValidateResourceConfig: MethodDefinition<_tfplugin6_ValidateResourceConfig_Request, _tfplugin6_ValidateResourceConfig_Response, _tfplugin6_ValidateResourceConfig_Request__Output, _tfplugin6_ValidateResourceConfig_Response__Output>
}
