/**
 * Terraform data source name (without the provider's prefix) → its module, loaded only when used. This is the only
 * table of data sources: adding one is one line here. The native provider loads every one from here.
 */
import type { AnyDataSource } from './data-source';

const loaders: Readonly<Record<string, () => Promise<AnyDataSource>>> = {
  vr_pairing: async () => (await import('./vr/data-sources/pairing')).vrPairingDataSource,
  vr_vms: async () => (await import('./vr/data-sources/vms')).vrVmsDataSource,
  vr_vm: async () => (await import('./vr/data-sources/vm')).vrVmDataSource,
  vr_datastores: async () => (await import('./vr/data-sources/datastores')).vrDatastoresDataSource,
  vr_datastore: async () => (await import('./vr/data-sources/datastore')).vrDatastoreDataSource,
  vcda_sites: async () => (await import('./vcda/data-sources/sites')).vcdaSitesDataSource,
  vcda_vms: async () => (await import('./vcda/data-sources/vms')).vcdaVmsDataSource,
  vcda_vm: async () => (await import('./vcda/data-sources/vm')).vcdaVmDataSource,
  sdrs_servers: async () => (await import('./sdrs/data-sources/servers')).sdrsServersDataSource,
  sdrs_volumes: async () => (await import('./sdrs/data-sources/volumes')).sdrsVolumesDataSource,
};

export function knownDataSources(): string[] {
  return Object.keys(loaders);
}

export function loadDataSources(): Promise<AnyDataSource[]> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}
