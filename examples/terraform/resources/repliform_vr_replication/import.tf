import {                   # by the VM's name (or by the replication's id, "GID-…")
  to = repliform_vr_replication.web-01
  id = "web-01"
}
