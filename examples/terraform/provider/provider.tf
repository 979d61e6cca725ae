terraform {
  required_providers {
    repliform = { source = "repliform.invalid/repliform/repliform" }
  }
}

# One connection block per vendor, for the resources that set no connection of their own.
# Credentials are the NAMES of environment variables, read when the provider runs: never the values.
provider "repliform" {
  vr = {
    endpoint           = "https://vr-a.example.local"
    credentials        = { username_env = "VR_SITE_A_USER", password_env = "VR_SITE_A_PASSWORD" }
    remote_credentials = { username_env = "VR_SITE_B_USER", password_env = "VR_SITE_B_PASSWORD" }
    ca_bundle_file     = "/etc/ssl/vr-ca.pem"
  }
  vcda = {
    endpoint           = "https://vcda.example.local"
    credentials        = { username_env = "VCDA_SITE1_USER", password_env = "VCDA_SITE1_PASSWORD" }
    remote_credentials = { username_env = "VCDA_SITE2_USER", password_env = "VCDA_SITE2_PASSWORD" }
  }
  sdrs = {
    endpoint    = "https://sdrs.ap-southeast-1.myhuaweicloud.com"
    project_id  = "0605767a3300d5762fb7c0186d9e1779"
    credentials = { access_key_env = "HW_AK", secret_key_env = "HW_SK" }
  }
}
