# A DR drill as code: a test VM of vcd-web-01 on site2 while this resource exists; destroy cleans it up.
resource "repliform_vcda_test_failover" "vcd-web-01" {
  replication_id = repliform_vcda_replication.vcd-web-01.id
  power_on       = true
  recovery_point = "latest" # or "sync"; instance_id picks a retained point in time
}
