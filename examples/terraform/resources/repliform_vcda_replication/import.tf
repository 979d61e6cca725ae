import {
  to = repliform_vcda_replication.vcd-web-01
  id = "C4-8f7e6d5c-4b3a-4291-8a7b-6c5d4e3f2a10"
}
