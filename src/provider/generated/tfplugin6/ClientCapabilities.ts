// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto


export interface ClientCapabilities {
  'deferral_allowed'?: (boolean);
  'write_only_attributes_allowed'?: (boolean);
}

export interface ClientCapabilities__Output {
  'deferral_allowed': (boolean);
  'write_only_attributes_allowed': (boolean);
}
