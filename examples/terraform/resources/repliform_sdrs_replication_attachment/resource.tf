# The pair of web-01's data disk attached to its protected instance as /dev/vdb.
resource "repliform_sdrs_replication_attachment" "ecs_web_01_data" {
  instance = {
    group     = repliform_sdrs_protected_instance.ecs_web_01.group
    server_id = repliform_sdrs_protected_instance.ecs_web_01.server_id
  }
  pair = {
    group     = repliform_sdrs_replication_pair.web_data.group
    volume_id = repliform_sdrs_replication_pair.web_data.volume_id
  }
  device = "/dev/vdb"
}
