resource "repliform_sdrs_protection_group" "web_dr" {
  name                     = "web-dr"
  source_availability_zone = "az-a" # production
  target_availability_zone = "az-b" # disaster recovery
  domain_id                = "domain-1"
  source_vpc_id            = "vpc-prod"
}
