# The pairing of site A (the provider's vr block) with site B, looked up by the remote site's name.
resource "repliform_vr_pairing" "site_b" {
  pairing = { remote_site = "vc-b.example.local" }
}
