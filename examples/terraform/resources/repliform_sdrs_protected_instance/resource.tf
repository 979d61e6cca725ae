resource "repliform_sdrs_protected_instance" "ecs_web_01" {
  group = {
    source_availability_zone = "az-a"
    target_availability_zone = "az-b"
    source_vpc_id            = "vpc-prod"
    name                     = repliform_sdrs_protection_group.web_dr.name
  }
  server_id = "3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e01" # ecs-web-01
  name      = "ecs-web-01"
}
