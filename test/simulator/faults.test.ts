import axios from 'axios';
import { compilePathPattern } from '../../src/simulator/core/faults';
import { PAIRING_ID, configure, configureSpec, findVmByName, getTask, loginBothSites, startTestSim } from './helpers';
import { useSimulator } from '../helpers/simulator';

const replicationsPath = `/pairings/${PAIRING_ID}/replications`;

describe('VR simulator fault injection', () => {
  const t = useSimulator(() => startTestSim({ taskDelayMs: 0 }));

  beforeEach(async () => {
    await loginBothSites(t.http);
  });
  it('matches globs and regexes against the path after the API root', () => {
    expect(compilePathPattern('/pairings/*/replications').test(`/pairings/${PAIRING_ID}/replications`)).toBe(true);
    expect(compilePathPattern('/pairings/*/replications').test(`/pairings/${PAIRING_ID}/replications/x`)).toBe(false);
    expect(compilePathPattern('/pairings/**').test(`/pairings/${PAIRING_ID}/replications/x`)).toBe(true);
    expect(compilePathPattern('^/tasks/HTID-.*$').test('/tasks/HTID-1')).toBe(true);
  });

  it('injects a 503 with Retry-After after skipping the first match, at most `count` times, before handling', async () => {
    const vm = await findVmByName(t.http, 'web-01');
    t.sim.faults.addRule({ id: 'busy', method: 'POST', path: '/pairings/*/replications', status: 503, retryAfterSeconds: 7, skip: 1, count: 1 });

    expect((await configure(t.http, [configureSpec(vm)])).status).toBe(202);
    const other = await findVmByName(t.http, 'web-02');
    const failed = await t.http.post(replicationsPath, [configureSpec(other)]);
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('7');
    expect(failed.data).toMatchObject({ error_code: 'SIM.INJECTED_FAULT' });
    expect(t.sim.state.replications.map((replication) => replication.info.name)).toEqual(['web-01']);

    expect((await configure(t.http, [configureSpec(other)])).status).toBe(202);
    expect(t.sim.faults.stats()).toEqual([{ id: 'busy', matched: 3, skipped: 1, hits: 1 }]);
    expect(t.sim.requests.filter((request) => request.fault === 'busy')).toHaveLength(1);
  });

  it('ends the configure task in ERROR with the taskError message and rolls the replication back', async () => {
    t.sim.faults.addRule({ path: '/pairings/*/replications', method: 'POST', taskError: 'Target datastore is full', count: 1 });
    const vm = await findVmByName(t.http, 'db-03');
    const response = await configure(t.http, [configureSpec(vm)]);
    expect(response.status).toBe(202);
    const task = await getTask(t.http, String(response.data.list?.[0]?.id));
    expect(task).toMatchObject({ status: 'ERROR', error: { message: 'Target datastore is full' } });
    expect(t.sim.state.replications).toHaveLength(0);
    expect(t.sim.state.removedReplications[0]).toMatchObject({ name: 'db-03', method: 'configure-failed' });
    expect((await configure(t.http, [configureSpec(vm)])).status).toBe(202);
  });

  it('expires every session before handling the matching request: it and later calls on the old session answer 401, a new login works', async () => {
    t.sim.faults.addRule({ id: 'expiry', method: 'GET', path: '/tasks', skip: 1, count: 1, expireSessions: true });
    expect((await t.http.get('/tasks')).status).toBe(200);
    expect((await t.http.get('/tasks')).status).toBe(401);
    expect((await t.http.get(`/pairings/${PAIRING_ID}`)).status).toBe(401);
    await loginBothSites(t.http);
    expect((await t.http.get('/tasks')).status).toBe(200);
    expect(t.sim.faults.stats()).toEqual([{ id: 'expiry', matched: 3, skipped: 1, hits: 1 }]);
  });

  it('resets the connection', async () => {
    t.sim.faults.addRule({ path: '/tasks', reset: true, count: 1 });
    await expect(t.http.get('/tasks')).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|socket hang up/) });
    expect((await t.http.get('/tasks')).status).toBe(200);
  });

  it('uses the injected random source for probabilities and the admin API for rules', async () => {
    const admin = axios.create({ baseURL: `${t.sim.url}/_sim`, validateStatus: () => true });
    const added = await admin.post('/faults', [{ id: 'half', path: '/info', status: 500, probability: 0.5, body: { error_code: 'VR.BOOM', message: 'boom' } }]);
    expect(added.status).toBe(201);
    expect(added.data.ids).toEqual(['half']);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await t.http.get('/info')).status);
    const failures = statuses.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(17);
    const stats = (await admin.get('/faults')).data.stats;
    expect(stats[0]).toMatchObject({ id: 'half', matched: 20, hits: failures });
    expect((await admin.post('/faults', [{ path: 7 }])).status).toBe(400);
    expect((await admin.delete('/faults')).status).toBe(204);
    expect((await t.http.get('/info')).status).toBe(200);
  });

  it('delays a request by delayMs and still handles it', async () => {
    t.sim.faults.addRule({ path: '/info', delayMs: 150, count: 1 });
    const started = Date.now();
    expect((await t.http.get('/info')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});
