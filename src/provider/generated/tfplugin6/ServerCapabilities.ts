// Original file: specs/terraform-plugin-protocol/tfplugin6.8.proto


export interface ServerCapabilities {
  'plan_destroy'?: (boolean);
  'get_provider_schema_optional'?: (boolean);
  'move_resource_state'?: (boolean);
}

export interface ServerCapabilities__Output {
  'plan_destroy': (boolean);
  'get_provider_schema_optional': (boolean);
  'move_resource_state': (boolean);
}
