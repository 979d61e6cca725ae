import {                   # by the remote site's name (or by the pairing's id)
  to = repliform_vr_pairing.site_b
  id = "vc-b.example.local"
}
