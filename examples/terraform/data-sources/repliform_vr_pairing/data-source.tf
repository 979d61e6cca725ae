data "repliform_vr_pairing" "b" {
  remote_site = "vc-b.example.local"
}
