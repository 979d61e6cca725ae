/**
 * Issue 7, simulator: a fault rule whose path lacks the leading '/' is rejected wherever rules come from (code,
 * --faults file, POST /_sim/faults), and a `taskCancel` rule makes the tasks of a request end CANCELLED.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { startSimulator } from '../../src/simulator';
import { runSimulatorCommand, type SimulatorCliIo } from '../../src/simulator/cli';
import { PAIRING_ID, configure, configureSpec, findVmByName, getTask, loginBothSites, startTestSim } from './helpers';
import { useSimulator } from '../helpers/simulator';

const PATH_MESSAGE = (path: string): string =>
  `fault rule field 'path' must start with '/' (a glob such as '/pairings/*/replications', a regex '^/…' or '/…/flags'), got '${path}'`;

function faultsFile(rules: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'repliform-faults-')), 'faults.json');
  writeFileSync(file, JSON.stringify(rules));
  return file;
}

describe('a fault rule path must start with /', () => {
  const t = useSimulator(() => startTestSim({ taskDelayMs: 0 }));

  it.each(['pairings/*/replications', 'tasks', '^tasks/.*'])('is rejected from code: %s', (path) => {
    expect(() => t.sim.faults.addRule({ path, status: 503 })).toThrow(PATH_MESSAGE(path));
    expect(t.sim.faults.rules()).toEqual([]);
  });

  it('is rejected in the options of startSimulator', async () => {
    await expect(startSimulator({ faults: [{ path: 'info', status: 500 }] })).rejects.toThrow(PATH_MESSAGE('info'));
  });

  it('accepts the three documented forms, and they match', async () => {
    const ids = ['/info', '^/tasks$', '/^\\/pairings$/i'].map((path) => t.sim.faults.addRule({ path, method: 'GET', status: 418, count: 1 }));
    await loginBothSites(t.http);
    expect((await t.http.get('/info')).status).toBe(418);
    expect((await t.http.get('/tasks')).status).toBe(418);
    expect((await t.http.get('/pairings')).status).toBe(418);
    expect(t.sim.faults.stats().map((s) => s.hits)).toEqual([1, 1, 1]);
    expect(ids).toHaveLength(3);
  });

  it('is rejected by POST /_sim/faults with 400 and a message naming the field and the value; nothing is added', async () => {
    const admin = axios.create({ baseURL: `${t.sim.url}/_sim`, validateStatus: () => true });
    const answer = await admin.post('/faults', [{ path: '/info', status: 500 }, { path: 'pairings/**', status: 503 }]);
    expect(answer.status).toBe(400);
    expect(answer.data).toMatchObject({ error_code: 'SIM.INVALID_FAULT_RULE', message: `rule [1]: ${PATH_MESSAGE('pairings/**')}` });
    expect((await admin.get('/faults')).data.rules).toEqual([]);
  });

  it('is rejected from a --faults file: one line naming the file, the rule, the field and the value, and nothing listens', async () => {
    const file = faultsFile([{ id: 'busy', path: 'pairings/*/replications', status: 503 }]);
    const err: string[] = [];
    const out: string[] = [];
    const io: SimulatorCliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, onSignal: () => undefined };
    expect(await runSimulatorCommand(['--port', '0', '--faults', file], io)).toBe(2);
    expect(err).toEqual([`repliform simulator: --faults ${file}: rule [0]: ${PATH_MESSAGE('pairings/*/replications')}`]);
    expect(out).toEqual([]);
  });

  it('exits the compiled `repliform simulator` with code 2 and that one line', async () => {
    const file = faultsFile({ path: 'tasks', reset: true });
    const cli = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
    const child = spawn(process.execPath, [cli, 'simulator', '--port', '0', '--faults', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const runaway = setTimeout(() => child.kill(), 20_000); // a simulator that accepted the rule would run forever
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(runaway);
    expect({ code, stderr }).toEqual({ code: 2, stderr: `repliform simulator: --faults ${file}: rule [0]: ${PATH_MESSAGE('tasks')}\n` });
  });
});

describe('taskCancel', () => {
  const t = useSimulator(() => startTestSim({ taskDelayMs: 1000 }));

  beforeEach(async () => {
    await loginBothSites(t.http);
  });

  async function configured(name: string): Promise<string> {
    const vm = await findVmByName(t.http, name);
    const response = await configure(t.http, [configureSpec(vm, { rpo: 60 })]);
    t.clock.advance(1000);
    const task = await getTask(t.http, String(response.data.list?.[0]?.id));
    expect(task.status).toBe('SUCCESS');
    return String(task.entity);
  }

  it('ends the reconfigure task CANCELLED at its due time, without an error message, and changes nothing', async () => {
    const id = await configured('web-01');
    t.sim.faults.addRule({ id: 'cancel', method: 'POST', path: '/pairings/*/replications/*/actions/reconfigure', taskCancel: true, count: 1 });
    const vm = await findVmByName(t.http, 'web-01');
    const { vm_id: _vm, target_vc_id: _target, ...body } = configureSpec(vm, { rpo: 15 });
    const sent = await t.http.post(`/pairings/${PAIRING_ID}/replications/${id}/actions/reconfigure`, body);
    expect(sent.status).toBe(202);
    t.clock.advance(500);
    expect(await getTask(t.http, sent.data.id)).toMatchObject({ status: 'RUNNING' });
    t.clock.advance(500);
    const task = await getTask(t.http, sent.data.id);
    expect(task).toMatchObject({ status: 'CANCELLED', error: null, result: null, description: 'Reconfigure replication', entity_name: 'web-01' });
    expect(task.complete_time).toBe(Number(task.queued_time) + 1000);
    expect((await t.http.get(`/pairings/${PAIRING_ID}/replications/${id}`)).data).toMatchObject({ rpo: 60 });
    expect(t.sim.requests.find((r) => r.path.endsWith('/actions/reconfigure'))?.fault).toBe('cancel');
  });

  it('carries the message of a rule whose taskCancel is a string, on every task the request creates', async () => {
    t.sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', taskCancel: 'Cancelled by administrator@vsphere.local' });
    const vms = await Promise.all(['web-02', 'app-01'].map((name) => findVmByName(t.http, name)));
    const response = await configure(t.http, vms.map((vm) => configureSpec(vm)));
    t.clock.advance(1000);
    const tasks = await Promise.all((response.data.list ?? []).map((task) => getTask(t.http, String(task.id))));
    expect(tasks.map((task) => [task.status, task.error])).toEqual([
      ['CANCELLED', { message: 'Cancelled by administrator@vsphere.local', details: '' }],
      ['CANCELLED', { message: 'Cancelled by administrator@vsphere.local', details: '' }],
    ]);
  });

  it('is validated: true or a non-empty message, and never together with taskError', () => {
    expect(() => t.sim.faults.addRule({ path: '/tasks', taskCancel: '' })).toThrow("fault rule field 'taskCancel' must be true or a non-empty message");
    expect(() => t.sim.faults.addRule({ path: '/tasks', taskCancel: true, taskError: 'x' })).toThrow(
      "fault rule fields 'taskError' and 'taskCancel' exclude each other: a task ends ERROR or CANCELLED",
    );
  });
});
