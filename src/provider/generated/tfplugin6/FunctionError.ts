// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto

import type { Long } from '@grpc/proto-loader';

export interface FunctionError {
  'text'?: (string);
  'function_argument'?: (number | string | Long);
  '_function_argument'?: "function_argument";
}

export interface FunctionError__Output {
  'text': (string);
  'function_argument'?: (number);
  '_function_argument'?: "function_argument";
}
