import { Credentials, type TerraformStack, VcdaReplication, type VcdaReplicationProps, VcdaSite, type VcdaSiteProps } from '../../src/constructs';

/** The simulator's seeded ids (the seed's example VM and vDC). */
export const VM_WEB_01 = '441a891a-5294-4dff-b02d-c605d335be1b';
export const VDC_GOLD = 'd6977f40-4d90-46b2-a34e-5077e8648eda';

export const SITE1_CREDENTIALS = Credentials.fromEnv('VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD');
export const SITE2_CREDENTIALS = Credentials.fromEnv('VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD');

export function vcdaSite(stack: TerraformStack, props: Partial<VcdaSiteProps> = {}, id = 'site1'): VcdaSite {
  return new VcdaSite(stack, id, { endpoint: 'https://vcda.example.local', site: 'site1', credentials: SITE1_CREDENTIALS, ...props });
}

export function vcdaReplication(stack: TerraformStack, props: Partial<VcdaReplicationProps> = {}, id = 'vcd-web-01', site?: VcdaSite): VcdaReplication {
  return new VcdaReplication(stack, id, {
    vmId: VM_WEB_01,
    destinationSite: 'site2',
    destinationVdc: VDC_GOLD,
    ...props,
    site: props.site ?? site ?? vcdaSite(stack),
  });
}
