# One production disk replicated by the group web-dr (named by its zones, VPC and name).
resource "repliform_sdrs_replication_pair" "web_data" {
  group = {
    source_availability_zone = "az-a"
    target_availability_zone = "az-b"
    source_vpc_id            = "vpc-prod"
    name                     = repliform_sdrs_protection_group.web_dr.name
  }
  volume_id = "b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2" # evs-web-01-data
  name      = "web-data"                             # renamed in place
  size_gb   = 100                                    # expanded in place, never shrunk
}
