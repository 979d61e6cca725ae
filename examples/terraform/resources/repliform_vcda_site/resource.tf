# The destination site, looked up by name through the provider's vcda block.
resource "repliform_vcda_site" "site2" {
  site = "site2"
}
