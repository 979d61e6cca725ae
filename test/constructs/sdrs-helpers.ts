import {
  Credentials,
  SdrsProtectedInstance,
  type SdrsProtectedInstanceProps,
  SdrsProtectionGroup,
  type SdrsProtectionGroupProps,
  SdrsReplicationPair,
  type SdrsReplicationPairProps,
  type TerraformStack,
} from '../../src/constructs';

export const SDRS_ENDPOINT = 'https://sdrs.ap-southeast-1.myhuaweicloud.com';
export const SDRS_PROJECT = '0605767a3300d5762fb7c0186d9e1779';

export function sdrsGroup(stack: TerraformStack, props: Partial<SdrsProtectionGroupProps> = {}, id = 'web'): SdrsProtectionGroup {
  return new SdrsProtectionGroup(stack, id, {
    endpoint: SDRS_ENDPOINT,
    projectId: SDRS_PROJECT,
    credentials: Credentials.fromEnvAkSk('HW_AK', 'HW_SK'),
    name: 'web-dr',
    sourceAvailabilityZone: 'az-a',
    targetAvailabilityZone: 'az-b',
    domainId: 'domain-1',
    sourceVpcId: 'vpc-prod',
    ...props,
  });
}

export function sdrsPair(
  stack: TerraformStack,
  group: SdrsProtectionGroup,
  props: Partial<SdrsReplicationPairProps> = {},
  id = 'web-data',
): SdrsReplicationPair {
  return new SdrsReplicationPair(stack, id, { group, volumeId: 'evs-web-01-data', name: 'web-data', ...props });
}

export function sdrsInstance(
  stack: TerraformStack,
  group: SdrsProtectionGroup,
  props: Partial<SdrsProtectedInstanceProps> = {},
  id = 'ecs-web-01',
): SdrsProtectedInstance {
  return new SdrsProtectedInstance(stack, id, { group, serverId: 'ecs-web-01', name: 'ecs-web-01', ...props });
}
