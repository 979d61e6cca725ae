/**
 * Which construct prop sets each spec field, per kind: the one statement of it, so that a message reaching a
 * CDKTF user (the lifecycle backing through the CLI, the review's fix texts) names what the user wrote
 * (`deleteReplicaOnDestroy`) next to the spec field (`on_delete.delete_replica`). The provider keeps the HCL
 * attribute path, which is what a hand-written configuration names.
 *
 * A prop is `name` or `name.inner` (a field of an object prop). test/resources/construct-props.test.ts checks at
 * compile time that every prop is one of the construct's props, and at run time that every path is a field of
 * the kind's spec schema and that the construct writes that prop's value there.
 *
 * Calls no endpoint.
 */

export interface ConstructProps {
  /** The construct class, e.g. "VcdaReplication". */
  readonly construct: string;
  /** Dotted spec path → construct prop. */
  readonly props: Readonly<Record<string, string>>;
}

/** The spec holds seconds where the props say minutes: a message quoting a value quotes seconds. */
const TIMEOUTS = { timeouts: 'timeouts', 'timeouts.create_seconds': 'timeouts.createMinutes', 'timeouts.update_seconds': 'timeouts.updateMinutes', 'timeouts.delete_seconds': 'timeouts.deleteMinutes' } as const;

export const CONSTRUCT_PROPS = {
  'vr.pairing': {
    construct: 'VrPairing',
    props: {
      'connection.endpoint': 'endpoint',
      'connection.credentials': 'credentials',
      'connection.remote_credentials': 'remoteCredentials',
      'connection.ca_bundle_file': 'caBundleFile',
      'connection.insecure': 'insecure',
      'connection.local_site': 'localSite',
      'pairing.id': 'pairingId',
      'pairing.remote_site': 'remoteSite',
      create: 'createIfMissing',
      'create.remote_vc_id': 'createIfMissing.remoteVcId',
      'create.psc_url': 'createIfMissing.pscUrl',
      'create.psc_port': 'createIfMissing.pscPort',
      'create.psc_thumbprint': 'createIfMissing.pscThumbprint',
      'create.credentials': 'createIfMissing.credentials',
      delete_on_destroy: 'deleteOnDestroy',
      'timeouts.create_seconds': 'timeouts.createMinutes',
      'timeouts.delete_seconds': 'timeouts.deleteMinutes',
    },
  },
  'vr.replication': {
    construct: 'VrReplication',
    props: {
      pairing: 'pairing',
      'vm.id': 'vmId',
      'vm.name': 'vmName',
      'target.datastore': 'targetDatastore',
      'target.storage_policy': 'targetStoragePolicy',
      'target.replication_server': 'replicationServer',
      'target.disk_format': 'diskFormat',
      exclude_disks: 'excludeDisks',
      seeds: 'seeds',
      'settings.rpo_minutes': 'rpoMinutes',
      'settings.point_in_time': 'pointInTime',
      'settings.point_in_time.instances_per_day': 'pointInTime.instancesPerDay',
      'settings.point_in_time.days': 'pointInTime.days',
      'settings.quiescing': 'quiescing',
      'settings.network_compression': 'networkCompression',
      'settings.encryption': 'encryption',
      'settings.auto_replicate_new_disks': 'autoReplicateNewDisks',
      'on_delete.retain_replica_disks': 'retainReplicaDisksOnDelete',
      adopt: 'adopt',
      ...TIMEOUTS,
    },
  },
  'vcda.site': {
    construct: 'VcdaSite',
    props: {
      site: 'site',
      'connection.endpoint': 'endpoint',
      'connection.credentials': 'credentials',
      'connection.login_type': 'loginType',
      'connection.remote_credentials': 'remoteCredentials',
      'connection.api_version': 'apiVersion',
      'connection.ca_bundle_file': 'caBundleFile',
      'connection.insecure': 'insecure',
    },
  },
  'vcda.replication': {
    construct: 'VcdaReplication',
    props: {
      'source.vm_id': 'vmId',
      'destination.site': 'destinationSite',
      'destination.vdc': 'destinationVdc',
      exclude_disk_keys: 'excludeDiskKeys',
      target_disk_type: 'targetDiskType',
      'settings.rpo_minutes': 'rpoMinutes',
      'settings.retention_rules': 'retentionRules',
      'settings.sla_profile_id': 'slaProfileId',
      'settings.quiescing': 'quiescing',
      'settings.data_connection_type': 'dataConnectionType',
      'settings.description': 'description',
      'settings.storage_profile': 'storageProfile',
      'on_delete.delete_replica': 'deleteReplicaOnDestroy',
      adopt: 'adopt',
      ...TIMEOUTS,
    },
  },
  'sdrs.protection-group': {
    construct: 'SdrsProtectionGroup',
    props: {
      'connection.endpoint': 'endpoint',
      'connection.project_id': 'projectId',
      'connection.credentials': 'credentials',
      'connection.ca_bundle_file': 'caBundleFile',
      'connection.insecure': 'insecure',
      source_availability_zone: 'sourceAvailabilityZone',
      target_availability_zone: 'targetAvailabilityZone',
      domain_id: 'domainId',
      source_vpc_id: 'sourceVpcId',
      dr_type: 'drType',
      name: 'name',
      description: 'description',
      adopt: 'adopt',
      ...TIMEOUTS,
    },
  },
  'sdrs.replication-pair': {
    construct: 'SdrsReplicationPair',
    props: {
      group: 'group',
      volume_id: 'volumeId',
      name: 'name',
      description: 'description',
      size_gb: 'sizeGb',
      cluster_id: 'clusterId',
      'on_delete.delete_target_volume': 'deleteTargetVolume',
      adopt: 'adopt',
      ...TIMEOUTS,
    },
  },
  'sdrs.protected-instance': {
    construct: 'SdrsProtectedInstance',
    props: {
      group: 'group',
      server_id: 'serverId',
      primary_subnet_id: 'primarySubnetId',
      primary_ip_address: 'primaryIpAddress',
      flavor_ref: 'flavorRef',
      cluster_id: 'clusterId',
      tenancy: 'tenancy',
      dedicated_host_id: 'dedicatedHostId',
      tags: 'tags',
      name: 'name',
      description: 'description',
      'on_delete.delete_target_server': 'deleteTargetServer',
      'on_delete.delete_target_eip': 'deleteTargetEip',
      adopt: 'adopt',
      ...TIMEOUTS,
    },
  },
  'sdrs.protection': {
    construct: 'SdrsProtection',
    props: { group: 'group', ...TIMEOUTS },
  },
} as const satisfies Readonly<Record<string, ConstructProps>>;

/** The construct prop that sets `path` (or the longest mapped prefix of it, the rest appended), if any. */
export function constructPropOf(kind: string, path: string): string | undefined {
  const table = tableOf(kind);
  if (table === undefined) return undefined;
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const prop = table.props[parts.slice(0, length).join('.')];
    if (prop !== undefined) return [prop, ...parts.slice(length)].join('.');
  }
  return parts.length === 1 ? byLeafName(table, path) : undefined;
}

/** A bare field name (`rpo_minutes`) when exactly one mapped path ends with it. */
function byLeafName(table: ConstructProps, leaf: string): string | undefined {
  const matches = Object.entries(table.props).filter(([path]) => path.endsWith(`.${leaf}`));
  return matches.length === 1 ? matches[0]?.[1] : undefined;
}

/** The construct prop that sets `path`, for texts written for CDKTF users (the review's fixes); throws when none does. */
export function propOf<K extends keyof typeof CONSTRUCT_PROPS>(kind: K, path: keyof (typeof CONSTRUCT_PROPS)[K]['props'] & string): string {
  const prop = constructPropOf(kind, path);
  if (prop === undefined) throw new Error(`${kind}: no construct prop sets ${path}`);
  return prop;
}

/**
 * `message` as a CDKTF user reads it: every spec path it names (a dotted snake_case word such as
 * `on_delete.delete_replica` or `settings.rpo_minutes.0`) is named by its construct prop, the spec path after it:
 * `deleteReplicaOnDestroy (on_delete.delete_replica)`. Words of no mapped path stay as they are.
 */
export function inConstructTerms(kind: string, message: string): string {
  if (tableOf(kind) === undefined) return message;
  return message.replace(SPEC_PATH_WORD, (word: string) => {
    if (!isSpecPath(word)) return word;
    const prop = constructPropOf(kind, word);
    return prop === undefined || prop === word ? word : `${prop} (${word})`;
  });
}

/** Words made of snake_case identifiers and list indexes joined by dots, not part of a longer word or URL. */
const SPEC_PATH_WORD = /(?<![\w./-])[a-z][a-z0-9_]*(?:\.(?:[a-z][a-z0-9_]*|\d+))*(?![\w/-]|\.\w)/g;

/** A path a spec names: it has a dot or an underscore (a lone lowercase word like "group" is ordinary English). */
function isSpecPath(word: string): boolean {
  return word.includes('.') || word.includes('_');
}

function tableOf(kind: string): ConstructProps | undefined {
  return Object.hasOwn(CONSTRUCT_PROPS, kind) ? (CONSTRUCT_PROPS as Readonly<Record<string, ConstructProps>>)[kind] : undefined;
}
