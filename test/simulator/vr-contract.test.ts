/**
 * VR runs the simulator's one call path like VCDA and SDRS: with validateResponses, a response the spec forbids
 * becomes a 500 in VR's `ResponseError` body naming the operation and the field, and a path the spec does not
 * have is 404 with no body.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { withSimulator } from '../helpers/simulator';
import { login, startTestSim } from './helpers';

test('a response the spec forbids becomes a 500 naming the operation and the field', async () => {
  const spec = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'specs', 'vsphere-replication-api-v2.json'), 'utf8')) as { components: { schemas: Record<string, { required?: string[] }> } };
  const sessionInfo = spec.components.schemas.SessionInfo;
  if (!sessionInfo) throw new Error('the VR spec has no SessionInfo');
  sessionInfo.required = ['domain'];
  const specPath = path.join(mkdtempSync(path.join(tmpdir(), 'repliform-vr-spec-')), 'vr-api.json');
  writeFileSync(specPath, JSON.stringify(spec));
  await withSimulator(() => startTestSim({ specPath }), async (t) => {
    await login(t.http);
    const response = await t.http.get('/session');
    expect(response.status).toBe(500);
    expect(response.data).toEqual({
      error_code: 'SIM.RESPONSE_VALIDATION_FAILED',
      message: 'Simulator bug: the 200 response of getCurrentSession does not match the spec: domain is required',
      op_id: expect.any(String),
    });
  });
});

test('a path the spec does not have is 404 with no body', async () => {
  await withSimulator(() => startTestSim(), async (t) => {
    const response = await t.http.get('/no-such-path', { responseType: 'text' });
    expect({ status: response.status, body: response.data }).toEqual({ status: 404, body: '' });
  });
});
