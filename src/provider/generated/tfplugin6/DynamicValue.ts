// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto


export interface DynamicValue {
  'msgpack'?: (Buffer | Uint8Array | string);
  'json'?: (Buffer | Uint8Array | string);
}

export interface DynamicValue__Output {
  'msgpack': (Buffer);
  'json': (Buffer);
}
