# Hand-written HCL for vSphere Replication: data sources instead of pasted ids, references between resources, and an
# import whose configuration Terraform writes. See README.md beside this file for the commands.

terraform {
  required_providers {
    repliform = { source = "repliform.invalid/repliform/repliform" }
  }
}

variable "vr_endpoint" {
  description = "The local site's vSphere Replication appliance, e.g. https://vr-a.example.local"
  type        = string
}

variable "rpo_minutes" {
  description = "The RPO of every replication below."
  type        = number
  default     = 15
}

provider "repliform" {
  vr = {
    endpoint = var.vr_endpoint
    # Variable NAMES, read when the provider runs. A password can also be a value here (provider block only), e.g.
    # from a sensitive variable or a Vault data source: credentials = { username = "…", password = var.vr_password }
    credentials        = { username_env = "VR_SITE_A_USER", password_env = "VR_SITE_A_PASSWORD" }
    remote_credentials = { username_env = "VR_SITE_B_USER", password_env = "VR_SITE_B_PASSWORD" }
  }
}

# The pairing with site B (it exists: this finds it, and never deletes it unless delete_on_destroy = true).
resource "repliform_vr_pairing" "b" {
  pairing = { remote_site = "vc-b.example.local" }
}

# Look-ups: the VM on site A and the datastore on site B, by the names a DR engineer knows.
data "repliform_vr_vm" "web" {
  pairing_id = repliform_vr_pairing.b.id
  name       = "web-03"
}

data "repliform_vr_datastore" "gold" {
  pairing_id = repliform_vr_pairing.b.id
  name       = "ds-b-gold"
}

resource "repliform_vr_replication" "web_03" {
  pairing  = { id = repliform_vr_pairing.b.id }
  vm       = { id = data.repliform_vr_vm.web.id }
  target   = { datastore = data.repliform_vr_datastore.gold.name } # identity: a change replaces (full sync)
  settings = { rpo_minutes = var.rpo_minutes }                   # in place
  timeouts = { create = "2h" }
}

resource "repliform_vr_replication" "db_01" {
  pairing  = { id = repliform_vr_pairing.b.id }
  vm       = { name = "db-01" }
  target   = { datastore = "ds-b-gold" }
  settings = { rpo_minutes = var.rpo_minutes, quiescing = true, point_in_time = { instances_per_day = 3, days = 5 } }
}

# A replication made elsewhere (in the vSphere client, say), taken over by its VM's name. Its resource block is not
# written here: `terraform plan -generate-config-out=generated.tf` writes it from the live replication.
import {
  to = repliform_vr_replication.app_01
  id = "app-01"
}

output "replication_ids" {
  value = { web_03 = repliform_vr_replication.web_03.id, db_01 = repliform_vr_replication.db_01.id }
}
