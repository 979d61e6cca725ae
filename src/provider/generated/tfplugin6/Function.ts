// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { StringKind as _tfplugin6_StringKind, StringKind__Output as _tfplugin6_StringKind__Output } from '../tfplugin6/StringKind';

export interface _tfplugin6_Function_Parameter {
  'name'?: (string);
  'type'?: (Buffer | Uint8Array | string);
  'allow_null_value'?: (boolean);
  'allow_unknown_values'?: (boolean);
  'description'?: (string);
  'description_kind'?: (_tfplugin6_StringKind);
}

export interface _tfplugin6_Function_Parameter__Output {
  'name': (string);
  'type': (Buffer);
  'allow_null_value': (boolean);
  'allow_unknown_values': (boolean);
  'description': (string);
  'description_kind': (_tfplugin6_StringKind__Output);
}

export interface _tfplugin6_Function_Return {
  'type'?: (Buffer | Uint8Array | string);
}

export interface _tfplugin6_Function_Return__Output {
  'type': (Buffer);
}

export interface Function {
  'parameters'?: (_tfplugin6_Function_Parameter)[];
  'variadic_parameter'?: (_tfplugin6_Function_Parameter | null);
  'return'?: (_tfplugin6_Function_Return | null);
  'summary'?: (string);
  'description'?: (string);
  'description_kind'?: (_tfplugin6_StringKind);
  'deprecation_message'?: (string);
}

export interface Function__Output {
  'parameters': (_tfplugin6_Function_Parameter__Output)[];
  'variadic_parameter': (_tfplugin6_Function_Parameter__Output | null);
  'return': (_tfplugin6_Function_Return__Output | null);
  'summary': (string);
  'description': (string);
  'description_kind': (_tfplugin6_StringKind__Output);
  'deprecation_message': (string);
}
