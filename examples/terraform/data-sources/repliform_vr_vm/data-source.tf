data "repliform_vr_vm" "web" {
  pairing_id = data.repliform_vr_pairing.b.id
  name       = "web-03"
}
