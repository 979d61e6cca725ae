# Syncs the replication of app-01 now, and again whenever the trigger changes.
resource "repliform_vr_replication_sync" "app-01" {
  pairing = { remote_site = "vc-b.example.local" }
  vm      = { name = "app-01" }
  trigger = "CHG-1042"
}
