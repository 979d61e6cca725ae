/**
 * The simulator core mounts several services in one process: a tiny fake "jobs" service (defined here, shaped
 * like SDRS: base path `/v1/{project_id}`, error body `{error_code, error_msg}`, jobs INIT/RUNNING/SUCCESS/FAIL)
 * next to VR. Routing by base path, its own error body, fault rules scoped to it, its jobs on the shared task
 * engine, its admin routes and its section of the state file.
 */
import axios, { type AxiosInstance } from 'axios';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  SimApiError,
  TaskEngine,
  type EngineTaskRecord,
  type ServiceDefinition,
  type ServiceRequest,
  type ServiceResult,
  type SimResponse,
  type SimService,
  type TaskModel,
} from '../../src/simulator';
import { DEFAULT_USERS, startTestSim } from './helpers';
import { useSimulator, withSimulator } from '../helpers/simulator';

type JobStatus = 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL';

interface JobRecord extends EngineTaskRecord {
  job: { job_id: string; status: JobStatus; progress: number; begin_time: number; start_time: number | null; end_time: number | null; fail_reason: string | null; entities: Record<string, string | boolean> };
  widgetName: string;
}

interface JobsState {
  widgets: Array<{ id: string; name: string; project: string }>;
  jobs: JobRecord[];
}

const JOB_MODEL: TaskModel<JobRecord, JobStatus> = {
  statuses: { queued: 'INIT', running: 'RUNNING', succeeded: 'SUCCESS', failed: 'FAIL' },
  status: (record) => record.job.status,
  progress: (record) => record.job.progress,
  queuedAt: (record) => record.job.begin_time,
  startedAt: (record) => record.job.start_time,
  write: (record, update) => {
    if (update.status !== undefined) record.job.status = update.status;
    if (update.progress !== undefined) record.job.progress = update.progress;
    if (update.startedAt !== undefined) record.job.start_time = update.startedAt;
    if (update.completedAt !== undefined) record.job.end_time = update.completedAt;
    if (update.error !== undefined) record.job.fail_reason = update.error?.message ?? 'cancelled';
    if (update.result) record.job.entities = update.result;
  },
};

const notFound = (): SimApiError => new SimApiError(404, 'SDRS.1608', 'The resource does not exist.');

/** The fake service: POST /widgets {name} starts a job that creates the widget; GET /jobs/{id}; GET /widgets. */
function jobsService(): ServiceDefinition<JobsState> {
  return {
    name: 'jobs',
    create: ({ runtime, saved }): SimService<JobsState> => {
      const state: JobsState = saved?.section ? (saved.section as JobsState) : { widgets: [], jobs: [] };
      const engine = new TaskEngine(JOB_MODEL, {
        onComplete: (record) => {
          const widget = { id: `w-${runtime.ids()}`, name: record.widgetName, project: 'p' };
          state.widgets.push(widget);
          return { widget_id: widget.id };
        },
      });
      const route = (request: ServiceRequest): SimResponse => {
        const project = request.baseParams.project_id;
        if (request.method === 'POST' && request.apiPath === '/widgets') {
          const name = (request.body as { name?: unknown } | undefined)?.name;
          if (typeof name !== 'string') throw new SimApiError(400, 'SDRS.0001', `name must be a string, got ${JSON.stringify(name)}`);
          const job_id = `job-${state.jobs.length + 1}`;
          const record: JobRecord = {
            job: { job_id, status: 'INIT', progress: 0, begin_time: runtime.clock.now(), start_time: null, end_time: null, fail_reason: null, entities: {} },
            widgetName: name,
            durationMs: runtime.taskDelayMs(),
            failWith: request.taskError,
          };
          state.jobs.push(record);
          return { status: 200, body: { job_id, project } };
        }
        const job = /^\/jobs\/([^/]+)$/.exec(request.apiPath);
        if (request.method === 'GET' && job) {
          const record = state.jobs.find((candidate) => candidate.job.job_id === job[1]);
          if (!record) throw notFound();
          return { status: 200, body: record.job };
        }
        if (request.method === 'GET' && request.apiPath === '/widgets') return { status: 200, body: { widgets: state.widgets } };
        throw notFound();
      };
      return {
        name: 'jobs',
        basePath: '/v1/{project_id}',
        state,
        errorCodes: { invalidJson: 'SDRS.0400', rateLimited: 'SDRS.0429' },
        errorBody: (_status, code, message) => ({ error_code: code, error_msg: message }),
        dispatch: (request): ServiceResult => {
          try {
            return { response: route(request), operationId: `${request.method} ${request.apiPath}` };
          } catch (error) {
            if (!(error instanceof SimApiError)) throw error;
            return { response: { status: error.status, body: { error_code: error.errorCode, error_msg: error.message } } };
          }
        },
        advance: (now) => engine.advance(state.jobs, now),
        taskRecords: () => state.jobs,
        adminRoutes: [
          {
            method: 'POST',
            path: /^\/widgets\/([^/]+)\/rename$/,
            handle: (body, match) => {
              const widget = state.widgets.find((candidate) => candidate.id === match[1]);
              if (!widget) throw notFound();
              widget.name = String((body as { name?: unknown }).name);
              return { status: 200, body: widget };
            },
          },
        ],
        snapshot: () => state,
      };
    },
  };
}

describe('simulator core with two services in one process', () => {
  const t = useSimulator(() => startTestSim({ services: [jobsService()] }));
  let jobs: AxiosInstance;
  let admin: AxiosInstance;

  beforeEach(async () => {
    jobs = axios.create({ baseURL: `${t.sim.url}/v1/proj-1`, validateStatus: () => true });
    admin = axios.create({ baseURL: `${t.sim.url}/_sim`, validateStatus: () => true });
  });

  it('routes each request to the service whose base path matches and records which one', async () => {
    const login = await t.http.post('/session', undefined, { auth: DEFAULT_USERS.local });
    const started = await jobs.post('/widgets', { name: 'alpha' });
    const elsewhere = await axios.get(`${t.sim.url}/v2/proj-1/widgets`, { validateStatus: () => true });

    expect(login.status).toBe(200);
    expect(started.data).toEqual({ job_id: 'job-1', project: 'proj-1' });
    expect(elsewhere.status).toBe(404);
    expect(t.sim.requests.map((request) => [request.method, request.path, request.service, request.status])).toEqual([
      ['POST', '/api/rest/vr/v2/session', 'vr', 200],
      ['POST', '/v1/proj-1/widgets', 'jobs', 200],
      ['GET', '/v2/proj-1/widgets', undefined, 404],
    ]);
    expect(t.sim.service('jobs').apiBase).toBe(`${t.sim.url}/v1/{project_id}`);
    expect(t.sim.state.pairings).toHaveLength(1);
  });

  it('answers errors in the service\'s own body shape, including those the core answers for it', async () => {
    const missing = await jobs.get('/jobs/job-9');
    const badJson = await jobs.post('/widgets', '{"name":', { headers: { 'content-type': 'application/json' }, transformRequest: [(data: string) => data] });
    const vrMissing = await t.http.get('/nope');

    expect(missing.status).toBe(404);
    expect(missing.data).toEqual({ error_code: 'SDRS.1608', error_msg: 'The resource does not exist.' });
    expect(badJson.status).toBe(400);
    expect(badJson.data).toEqual({ error_code: 'SDRS.0400', error_msg: expect.stringMatching(/^Request body is not valid JSON: /) });
    expect(vrMissing.status).toBe(404);
    expect(vrMissing.data).toBe('');
  });

  it('applies a fault rule scoped to the service, in its error shape, and leaves VR alone', async () => {
    t.sim.faults.addRule({ id: 'jobs-down', service: 'jobs', path: '/**', status: 503, retryAfterSeconds: 2 });

    const faulted = await jobs.post('/widgets', { name: 'alpha' });
    const vr = await t.http.post('/session', undefined, { auth: DEFAULT_USERS.local });

    expect(faulted.status).toBe(503);
    expect(faulted.headers['retry-after']).toBe('2');
    expect(faulted.data).toEqual({ error_code: 'SIM.INJECTED_FAULT', error_msg: 'Injected fault (rule jobs-down)' });
    expect(vr.status).toBe(200);
    expect(t.sim.service('jobs').state).toEqual({ widgets: [], jobs: [] });
    expect(t.sim.faults.stats()).toEqual([{ id: 'jobs-down', matched: 1, skipped: 0, hits: 1 }]);
  });

  it('rejects a fault rule naming a service that is not mounted, naming the field and the mounted ones', async () => {
    const answer = await admin.post('/faults', [{ path: '/**', status: 500, service: 'nsx' }]);

    expect(answer.status).toBe(400);
    expect(answer.data).toMatchObject({ error_code: 'SIM.INVALID_FAULT_RULE', message: "rule [0]: fault rule field 'service' must be one of vr, vcda, sdrs, jobs, got 'nsx'" });
    expect(t.sim.faults.rules()).toEqual([]);
  });

  it('advances its jobs on the shared engine with its own status names and runs their completion effect', async () => {
    await jobs.post('/widgets', { name: 'alpha' });
    const queued = await jobs.get('/jobs/job-1');
    t.clock.advance(600);
    const running = await jobs.get('/jobs/job-1');
    t.clock.advance(400);
    const done = await jobs.get('/jobs/job-1');
    const widgets = await jobs.get('/widgets');

    expect(queued.data).toMatchObject({ status: 'INIT', progress: 0 });
    expect(running.data).toMatchObject({ status: 'RUNNING', progress: 50, start_time: queued.data.begin_time + 200 });
    expect(done.data).toMatchObject({ status: 'SUCCESS', progress: 100, end_time: queued.data.begin_time + 1000 });
    expect(widgets.data.widgets).toEqual([{ id: done.data.entities.widget_id, name: 'alpha', project: 'p' }]);
  });

  it('ends a job FAIL (it has no cancelled status) when a taskCancel or taskError rule fires, with no effect', async () => {
    t.sim.faults.addRule({ service: 'jobs', method: 'POST', path: '/widgets', count: 1, taskCancel: 'cancelled by the operator' });
    t.sim.faults.addRule({ service: 'jobs', method: 'POST', path: '/widgets', count: 1, taskError: 'quota exceeded' });
    await jobs.post('/widgets', { name: 'alpha' });
    await jobs.post('/widgets', { name: 'beta' });
    t.clock.advance(1000);

    expect((await jobs.get('/jobs/job-1')).data).toMatchObject({ status: 'FAIL', fail_reason: 'cancelled by the operator' });
    expect((await jobs.get('/jobs/job-2')).data).toMatchObject({ status: 'FAIL', fail_reason: 'quota exceeded' });
    expect((await jobs.get('/widgets')).data.widgets).toEqual([]);
  });

  it('serves its state and its admin routes under /_sim/jobs, while /_sim/state stays VR', async () => {
    t.sim.setTaskDelay(0);
    await jobs.post('/widgets', { name: 'alpha' });
    const widgetId: string = (await jobs.get('/widgets')).data.widgets[0].id;

    const renamed = await admin.post(`/jobs/widgets/${widgetId}/rename`, { name: 'omega' });
    const unknown = await admin.post('/jobs/widgets/w-nope/rename', { name: 'x' });
    const state = await admin.get('/jobs/state');
    const vrState = await admin.get('/state');

    expect(renamed.status).toBe(200);
    expect(renamed.data).toEqual({ id: widgetId, name: 'omega', project: 'p' });
    expect(unknown.status).toBe(404);
    expect(unknown.data).toEqual({ error_code: 'SDRS.1608', error_msg: 'The resource does not exist.' });
    expect(state.data.widgets).toEqual([{ id: widgetId, name: 'omega', project: 'p' }]);
    expect(vrState.data.pairings).toHaveLength(1);
    expect((await admin.get('/vr/state')).data.pairings).toHaveLength(1);
  });
});

describe('simulator state file with two services', () => {
  it('saves one section per service and restores both', async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'repliform-sim-')), 'state.json');
    await withSimulator(() => startTestSim({ stateFile, taskDelayMs: 0, services: [jobsService()] }), async (first) => {
      await axios.post(`${first.sim.url}/v1/p/widgets`, { name: 'kept' });
      await axios.get(`${first.sim.url}/v1/p/widgets`);
    });

    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
    await withSimulator(() => startTestSim({ stateFile, services: [jobsService()] }), async (second) => {
      expect(Object.keys(saved)).toEqual(['version', 'vr', 'vcda', 'sdrs', 'jobs']);
      const widgets = await axios.get(`${second.sim.url}/v1/p/widgets`);
      expect(widgets.data.widgets.map((widget: { name: string }) => widget.name)).toEqual(['kept']);
    });
  });
});
