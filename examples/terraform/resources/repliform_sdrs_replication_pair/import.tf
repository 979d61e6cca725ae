import {
  to = repliform_sdrs_replication_pair.web_data
  id = "6b1e1a55-2f4c-4d7e-9a0b-3c4d5e6f7a81"
}
