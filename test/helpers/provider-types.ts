/**
 * The provider's resource types driven as Terraform drives them (plan, apply, read), bound to a simulator: the
 * steps the provider-level tests of a kind share.
 */
import { objectValueOf } from '../../src/provider/convert';
import { ResourceType, type ObjectValue, type ResourceRuntime } from '../../src/provider/resource-type';
import { isObjectValue, type TfValue } from '../../src/provider/values';
import { kindFor } from '../../src/resources/registry';
import type { RunningSimulator } from '../../src/simulator';
import { testContext } from './context';
import { sdrsConnection, SDRS_SIM_ENV } from './sim-connections';

export function objectOf(value: TfValue): ObjectValue {
  if (!isObjectValue(value)) throw new Error(`expected an object, got ${String(value)}`);
  return value;
}

/** A configuration as Terraform sends it: the JSON in the type's schema. */
export function configOf(type: ResourceType, json: Record<string, unknown>): ObjectValue {
  return objectValueOf(json, type.spec) as ObjectValue;
}

/** The resource type of an SDRS kind, connected to the simulator's SDRS service with its AK/SK. */
export async function sdrsTypeOf(sim: RunningSimulator, kind: string): Promise<ResourceType> {
  const runtime: ResourceRuntime = {
    connectionFor: (vendor) => (vendor === 'sdrs' ? sdrsConnection(sim.url) : undefined),
    stopReason: () => undefined,
    context: () => testContext(SDRS_SIM_ENV, { ownership: null }),
  };
  return new ResourceType(await kindFor(kind)).bind(runtime);
}

/** plan + apply of a new resource, both without a diagnostic; its state. */
export async function createdBy(type: ResourceType, json: Record<string, unknown>): Promise<ObjectValue> {
  const plan = await type.plan(null, configOf(type, json), configOf(type, json), undefined);
  expect(plan.diagnostics).toEqual([]);
  const applied = await type.apply(null, plan.planned, undefined);
  expect(applied.diagnostics).toEqual([]);
  return objectOf(applied.state);
}

/** A refresh without a diagnostic; the state read. */
export async function refreshedBy(type: ResourceType, state: ObjectValue): Promise<ObjectValue> {
  const read = await type.read(state, undefined);
  expect(read.diagnostics).toEqual([]);
  return objectOf(read.state);
}
