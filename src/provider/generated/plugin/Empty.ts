// Original file: specs/terraform-plugin-protocol/go-plugin/grpc_controller.proto


export interface Empty {
}

export interface Empty__Output {
}
