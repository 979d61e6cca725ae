resource "repliform_vcda_replication" "vcd-web-01" {
  source      = { site = "site1", vm_id = "441a891a-5294-4dff-b02d-c605d335be1b" }
  destination = { site = repliform_vcda_site.site2.site, vdc = "d6977f40-4d90-46b2-a34e-5077e8648eda" }
  settings = {
    rpo_minutes     = 15
    retention_rules = [{ instances = 4, distance_minutes = 60 }]
    quiescing       = true
    description     = "web tier"
  }
  on_delete = { delete_replica = false } # a destroy pauses the replication and keeps its replica
}
