/**
 * A plan of an SDRS object whose live status the code does not declare (issue 15: "`terraform plan` says 'No changes'"):
 * protection stopped in the console, a protection group, replication pair or protected instance in an error status.
 * The provider's resource types, driven as Terraform drives them (apply, refresh, plan) against the simulator over
 * HTTP; the status is set by hand through the simulator's admin API. Each plan that changes nothing still warns,
 * naming the object, its status, what apply will do and the way out; the way out for stopped protection works.
 */
import axios from 'axios';
import type { ObjectValue, ResourceType } from '../../src/provider/resource-type';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import { configOf, createdBy, refreshedBy, sdrsTypeOf } from '../helpers/provider-types';
import { sdrsGroupJson, sdrsGroupRef } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

const DATA = SDRS_VOLUME_IDS['evs-web-01-data'];
const groupRef = sdrsGroupRef('app/group');
const groupJson = sdrsGroupJson('app/group');
const pairJson = { group: groupRef, volume_id: DATA, name: 'web-data', size_gb: 100, owner: 'app/web-data' };
const protectionJson = { group: groupRef, owner: 'app/protection' };
const instanceJson = { group: groupRef, server_id: SDRS_SERVER_IDS['ecs-web-01'], name: 'web-01', owner: 'app/web-01' };
const REVIEW = '`repliform review --live` lists every such object.';

const sim = useSimulator({ taskDelayMs: 0, validateResponses: true });
const typeOf = (kind: string): Promise<ResourceType> => sdrsTypeOf(sim, kind);

/** Terraform's plan of the unchanged configuration after a refresh: nothing planned, the warnings. */
async function unchangedPlan(type: ResourceType, prior: ObjectValue, json: Record<string, unknown>): Promise<readonly unknown[]> {
  const plan = await type.plan(prior, configOf(type, json), configOf(type, json), undefined);
  expect([plan.planned, plan.requiresReplace]).toEqual([prior, []]);
  return plan.diagnostics;
}

async function byHand(path: string, body: Record<string, unknown>): Promise<void> {
  const answer = await axios.post(`${sim.url}/_sim/sdrs${path}`, body);
  expect(answer.status).toBe(200);
}

const warning = (summary: string, detail: string) => ({ severity: 'WARNING', summary, detail });
const sdrsWrites = () => sim.requests.filter((r) => r.service === 'sdrs' && r.method !== 'GET').map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`);
const START = (groupId: string) => `POST /sdrs/v1/${SDRS_PROJECT_ID}/server-groups/${groupId}/action {"start-server-group":{}}`;

/** A group with one pair, its protection started; the types and states. */
async function protectedGroup(): Promise<{ groupId: string; protection: ResourceType; state: ObjectValue }> {
  const group = await createdBy(await typeOf('sdrs.protection-group'), groupJson);
  await createdBy(await typeOf('sdrs.replication-pair'), pairJson);
  const protection = await typeOf('sdrs.protection');
  const state = await createdBy(protection, protectionJson);
  expect([state.status, state.protected]).toEqual(['protected', true]);
  return { groupId: String(group.id), protection, state };
}

describe('protection of a group stopped outside Terraform', () => {
  test('the refresh sees it, the plan changes nothing and warns: apply leaves it STOPPED, -replace starts it again', async () => {
    const { groupId, protection, state } = await protectedGroup();
    expect(await unchangedPlan(protection, await refreshedBy(protection, state), protectionJson)).toEqual([]);

    await byHand(`/server-groups/${groupId}`, { protection: 'stopped' });
    const stopped = await refreshedBy(protection, state);
    expect([stopped.status, stopped.protected]).toEqual(['available', false]);
    expect(await unchangedPlan(protection, stopped, protectionJson)).toEqual([
      warning(
        `repliform_sdrs_protection protection of group ${groupId} is STOPPED in SDRS (group status available), not by this configuration: its replication pairs (1) do not replicate`,
        'This plan changes nothing for it: terraform apply leaves it STOPPED. ' +
          "To start it again: `terraform apply -replace=<this resource's address>` (SDRS starts protection from available or error-starting), or find out who stopped it. " +
          REVIEW,
      ),
    ]);

    // The way out, as Terraform runs -replace: the destroy sends nothing (it is stopped), the create starts it.
    sim.clearRequests();
    expect(await protection.apply(stopped, null, undefined)).toEqual({ state: null, diagnostics: [] });
    const started = await createdBy(protection, protectionJson);
    expect([started.status, started.protected, sdrsWrites()]).toEqual(['protected', true, [START(groupId)]]);
  });

  test('a start that failed in SDRS (error-starting) warns with its cause, and -replace starts it from there', async () => {
    const { groupId, protection, state } = await protectedGroup();
    await byHand(`/server-groups/${groupId}`, { protection: 'stopped' });
    await byHand(`/server-groups/${groupId}`, { status: 'error-starting' });
    const failed = await refreshedBy(protection, state);
    expect(await unchangedPlan(protection, failed, protectionJson)).toEqual([
      warning(
        `repliform_sdrs_protection protection of group ${groupId} is not running in SDRS (group status error-starting: starting protection failed): its replication pairs (1) do not replicate`,
        'This plan changes nothing for it: terraform apply leaves it error-starting. ' +
          "Find the cause in the SDRS console (the group's failed job); then `terraform apply -replace=<this resource's address>` starts it again (SDRS starts protection from available or error-starting). " +
          REVIEW,
      ),
    ]);

    sim.clearRequests();
    expect(await protection.apply(failed, null, undefined)).toEqual({ state: null, diagnostics: [] });
    const started = await createdBy(protection, protectionJson);
    expect([started.status, sdrsWrites()]).toEqual(['protected', [START(groupId)]]);
  });
});

describe('SDRS objects in an error status', () => {
  test('a replication pair whose create failed: the plan warns with its failure detail; apply leaves it, -replace makes it again', async () => {
    await createdBy(await typeOf('sdrs.protection-group'), groupJson);
    const pairs = await typeOf('sdrs.replication-pair');
    const state = await createdBy(pairs, pairJson);
    expect(await unchangedPlan(pairs, await refreshedBy(pairs, state), pairJson)).toEqual([]);

    await byHand(`/replications/${String(state.id)}`, { status: 'error', failure_detail: 'SDRS.1606' });
    const broken = await refreshedBy(pairs, state);
    expect([broken.status, broken.failure_detail]).toEqual(['error', 'SDRS.1606']);
    const summary = `repliform_sdrs_replication_pair replication pair ${String(state.id)} "web-data" (volume ${DATA}) is error in SDRS: its create failed (failure_detail SDRS.1606)`;
    const fix =
      "Find the cause in the SDRS console (Huawei's error-code table explains the code); the code is not the cause, and apply does not repair it. " +
      "`terraform apply -replace=<this resource's address>` deletes the pair and pairs the volume again (a full initial sync; the DR-site volume is kept unless on_delete.delete_target_volume). " +
      REVIEW;
    expect(await unchangedPlan(pairs, broken, pairJson)).toEqual([warning(summary, `This plan changes nothing for it: terraform apply leaves it error. ${fix}`)]);

    const renamed = { ...pairJson, name: 'web-data-2' };
    const rename = await pairs.plan(broken, configOf(pairs, renamed), configOf(pairs, renamed), undefined);
    expect([rename.requiresReplace, rename.diagnostics]).toEqual([[], [warning(summary, `terraform apply makes the planned change; it stays error. ${fix}`)]]);

    // The way out, as Terraform runs -replace: the destroy deletes the broken pair (DR volume kept), the create pairs the volume again.
    sim.clearRequests();
    expect(await pairs.apply(broken, null, undefined)).toEqual({ state: null, diagnostics: [] });
    const again = await createdBy(pairs, pairJson);
    expect([again.status, again.id === state.id, sim.sdrs.state.pairs.map((pair) => pair.id)]).toEqual(['available', false, [again.id]]);
    expect(sdrsWrites()[0]).toBe(`DELETE /sdrs/v1/${SDRS_PROJECT_ID}/replications/${String(state.id)} {"replication":{"server_group_id":"${String(state.group_id)}","delete_target_volume":false}}`);
  });

  test('a replication pair whose sync is abnormal with the link down (fault, fault_level 5): the plan says failover is not possible', async () => {
    await createdBy(await typeOf('sdrs.protection-group'), groupJson);
    const pairs = await typeOf('sdrs.replication-pair');
    const state = await createdBy(pairs, pairJson);
    await byHand(`/replications/${String(state.id)}`, { status: 'fault', fault_level: '5' });
    const broken = await refreshedBy(pairs, state);
    expect(await unchangedPlan(pairs, broken, pairJson)).toEqual([
      warning(
        `repliform_sdrs_replication_pair replication pair ${String(state.id)} "web-data" (volume ${DATA}) is fault in SDRS: its data sync is abnormal (fault_level 5: the replication link is down, a failover is not possible)`,
        "This plan changes nothing for it: terraform apply leaves it fault. Find the cause in the SDRS console (Huawei's error-code table explains the code); the code is not the cause, and apply does not repair it. Huawei asks you to contact its support for a broken link. " +
          REVIEW,
      ),
    ]);
  });

  test('a protection group whose switchover failed (error-reversing): the plan warns', async () => {
    const groups = await typeOf('sdrs.protection-group');
    const state = await createdBy(groups, groupJson);
    await byHand(`/server-groups/${String(state.id)}`, { status: 'error-reversing' });
    expect(await unchangedPlan(groups, await refreshedBy(groups, state), groupJson)).toEqual([
      warning(
        `repliform_sdrs_protection_group protection group ${String(state.id)} "web-group" is error-reversing in SDRS: a switchover (planned failover) failed`,
        "This plan changes nothing for it: terraform apply leaves it error-reversing. Find the cause in the SDRS console (Huawei's error-code table explains the code); the code is not the cause, and apply does not repair it. " +
          REVIEW,
      ),
    ]);
  });

  test('a protected instance whose server was deleted (invalid): the plan warns', async () => {
    await createdBy(await typeOf('sdrs.protection-group'), groupJson);
    const instances = await typeOf('sdrs.protected-instance');
    const state = await createdBy(instances, instanceJson);
    expect(await unchangedPlan(instances, await refreshedBy(instances, state), instanceJson)).toEqual([]);

    await byHand(`/protected-instances/${String(state.id)}`, { status: 'invalid' });
    expect(await unchangedPlan(instances, await refreshedBy(instances, state), instanceJson)).toEqual([
      warning(
        `repliform_sdrs_protected_instance protected instance ${String(state.id)} "web-01" (server ${SDRS_SERVER_IDS['ecs-web-01']}) is invalid in SDRS: its server was deleted`,
        "This plan changes nothing for it: terraform apply leaves it invalid. Find the cause in the SDRS console (Huawei's error-code table explains the code); the code is not the cause, and apply does not repair it. " +
          REVIEW,
      ),
    ]);
  });
});
