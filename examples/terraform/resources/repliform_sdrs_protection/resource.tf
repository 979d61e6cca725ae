# Protection of web-dr started after its pairs, instances and attachments: an empty group cannot be started.
resource "repliform_sdrs_protection" "web_dr" {
  group = {
    source_availability_zone = "az-a"
    target_availability_zone = "az-b"
    source_vpc_id            = "vpc-prod"
    name                     = repliform_sdrs_protection_group.web_dr.name
  }
  depends_on = [repliform_sdrs_replication_attachment.ecs_web_01_data]
}
