data "repliform_vr_datastore" "gold" {
  pairing_id = data.repliform_vr_pairing.b.id # the remote (target) site by default
  name       = "ds-b-gold"
}
