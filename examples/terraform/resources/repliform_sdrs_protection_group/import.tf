import {
  to = repliform_sdrs_protection_group.web_dr
  id = "0c5c8a8e-2b3d-4e5f-8a9b-1c2d3e4f5a60"
}
