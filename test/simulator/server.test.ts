import axios from 'axios';
import * as https from 'node:https';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseSimulatorArgs, runSimulatorCli } from '../../src/simulator/cli';
import { PAIRING_ID, DEFAULT_USERS, configure, configureSpec, findVmByName, loginBothSites, startTestSim } from './helpers';
import { withSimulator } from '../helpers/simulator';

describe('VR simulator server', () => {
  it('serves HTTPS whose certificate verifies with the exposed PEM and fails without it', async () => {
    await withSimulator({ tls: true }, async (sim) => {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.caCertPem).toContain('BEGIN CERTIFICATE');
      const trusted = await axios.post(`${sim.apiBase}/session`, undefined, {
        auth: DEFAULT_USERS.local,
        httpsAgent: new https.Agent({ ca: sim.caCertPem }),
      });
      expect(trusted.status).toBe(200);
      await expect(axios.get(`${sim.apiBase}/info`, { httpsAgent: new https.Agent() })).rejects.toMatchObject({
        code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/),
      });
    });
  });

  it('persists replications to the state file and restores them after a restart', async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'repliform-sim-')), 'state.json');
    const replicationId = await withSimulator(() => startTestSim({ stateFile, taskDelayMs: 0 }), async (first) => {
      await loginBothSites(first.http);
      const vm = await findVmByName(first.http, 'file-01');
      const configured = await configure(first.http, [configureSpec(vm, { rpo: 45 })]);
      await first.http.get('/tasks');
      return String(configured.data.list?.[0]?.entity);
    });

    await withSimulator(() => startTestSim({ stateFile }), async (second) => {
      const oldSession = await second.http.get('/info');
      expect(oldSession.status).toBe(401);
      await loginBothSites(second.http);
      const replication = await second.http.get(`/pairings/${PAIRING_ID}/replications/${replicationId}`);
      expect(replication.status).toBe(200);
      expect(replication.data).toMatchObject({ name: 'file-01', rpo: 45, configuration_state: 'OK' });
    });
  });

  it('exposes state, requests and drift injection through the admin API', async () => {
    await withSimulator(() => startTestSim({ taskDelayMs: 0 }), async (t) => {
      await loginBothSites(t.http);
      const vm = await findVmByName(t.http, 'app-05');
      const configured = await configure(t.http, [configureSpec(vm)]);
      const replicationId = String(configured.data.list?.[0]?.entity);
      const admin = axios.create({ baseURL: `${t.sim.url}/_sim`, validateStatus: () => true });

      const drift = await admin.post(`/replications/${replicationId}/status`, { status: 'PAUSED', rpo: 240 });
      expect(drift.status).toBe(200);
      const live = await t.http.get(`/pairings/${PAIRING_ID}/replications/${replicationId}`);
      expect(live.data).toMatchObject({ rpo: 240, status: { status: 'PAUSED' } });
      expect((await admin.post(`/replications/${replicationId}/status`, { vm_id: 'x' })).status).toBe(400);
      expect((await admin.post('/replications/GID-nope/status', { status: 'OK' })).status).toBe(404);

      const state = await admin.get('/state');
      expect(state.data.replications[0].info.id).toBe(replicationId);
      expect(state.data.pairings[0].pairing_id).toBe(PAIRING_ID);
      const requests = await admin.get('/requests');
      const login = requests.data.find((request: { operationId?: string }) => request.operationId === 'login');
      expect(login.headers.authorization).toBe('REDACTED');

      expect((await admin.post('/expire-sessions')).status).toBe(204);
      expect((await t.http.get('/info')).status).toBe(401);
    });
  });

  it('answers 429 with Retry-After beyond the rate limit', async () => {
    await withSimulator(() => startTestSim({ rateLimit: 3 }), async (t) => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await t.http.get('/info')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      t.clock.advance(1000);
      const later = await t.http.get('/info');
      expect(later.status).toBe(401);
      const limited = t.sim.requests.find((request) => request.status === 429);
      expect(limited).toBeDefined();
    });
  });

  it('starts from CLI flags, prints the URL and loads a faults file', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'repliform-cli-'));
    const faultsFile = path.join(directory, 'faults.json');
    writeFileSync(faultsFile, JSON.stringify([{ id: 'from-file', path: '/info', status: 503 }]));
    expect(parseSimulatorArgs(['--port', '0', '--task-delay-ms=5', '--extra-vms', '2', '--tls'])).toEqual({
      port: 0,
      taskDelayMs: 5,
      extraVms: 2,
      tls: true,
    });
    expect(() => parseSimulatorArgs(['--port', 'x'])).toThrow("option '--port' must be a non-negative integer");
    expect(() => parseSimulatorArgs(['--bogus'])).toThrow("unknown option '--bogus'");

    const lines: string[] = [];
    const signals: string[] = [];
    await withSimulator(() => runSimulatorCli(['--faults', faultsFile, '--task-delay-ms', '10'], {
      out: (line) => lines.push(line),
      err: () => undefined,
      env: { VR_SITE_A_PASSWORD: 'Custom-Passw0rd!' },
      onSignal: (signal) => signals.push(signal),
    }), async (sim) => {
      expect(lines[0]).toBe(`repliform simulator listening on ${sim.url} (VR, VCDA and SDRS; the lines below are for the shell that runs Terraform)`);
      expect(lines.join('\n')).toContain("export VR_SITE_B_PASSWORD='Sim-Site-B-Passw0rd!'");
      expect(lines.join('\n')).not.toContain('Custom-Passw0rd!');
      expect(signals).toEqual(['SIGINT', 'SIGTERM']);
      expect(sim.faults.rules().map((rule) => rule.id)).toEqual(['from-file']);
      const login = await axios.post(`${sim.apiBase}/session`, undefined, {
        auth: { username: DEFAULT_USERS.local.username, password: 'Custom-Passw0rd!' },
        validateStatus: () => true,
      });
      expect(login.status).toBe(200);
    });
  });
});
