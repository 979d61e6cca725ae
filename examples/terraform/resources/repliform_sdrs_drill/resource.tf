# A standing DR drill of web-dr: drill servers start from the DR-site copies in a drill VPC SDRS creates (production is
# never touched); destroying it cleans the drill servers up. It starts after protection, and is cleaned up before it stops.
resource "repliform_sdrs_drill" "web_dr" {
  group = repliform_sdrs_protection.web_dr.group
  name  = "web-dr-drill"
}
