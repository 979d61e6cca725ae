resource "repliform_vr_replication" "web-01" {
  pairing  = { remote_site = "vc-b.example.local" }
  vm       = { name = "web-01" }
  target   = { datastore = "ds-b-gold" }                        # identity: a change replaces (full sync)
  settings = { rpo_minutes = 15, point_in_time = { instances_per_day = 3, days = 5 } }   # in place
}
