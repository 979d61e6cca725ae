/**
 * How the provider talks to the user: diagnostics, with the attribute path when the problem is about one field
 * (an InputError's dotted field, a zod issue's path). Messages come from the handlers and clients, which never
 * put a secret in one.
 */
import type { ZodIssue } from 'zod';
import { isApiError } from '../../lib/client/http/errors';
import { caBundleOverHttpProblem } from '../resources/connection';
import { isInputError } from '../resources/errors';
import { issueProblem } from '../resources/parse-spec';
import type { AttributePath, _tfplugin6_AttributePath_Step } from './generated/tfplugin6/AttributePath';
import type { Diagnostic } from './generated/tfplugin6/Diagnostic';

export type { AttributePath } from './generated/tfplugin6/AttributePath';
export type { Diagnostic } from './generated/tfplugin6/Diagnostic';

/** Steps of an attribute path: strings are attribute names, numbers list indexes. */
export function attributePath(steps: readonly (string | number)[]): AttributePath {
  return {
    steps: steps.map((step): _tfplugin6_AttributePath_Step => (typeof step === 'number' ? { element_key_int: step } : { attribute_name: step })),
  };
}

/** A dotted spec field (`settings.rpo_minutes`, `exclude_disks.0`) as path steps. */
export function stepsOfField(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function errorDiagnostic(summary: string, detail = '', steps?: readonly (string | number)[]): Diagnostic {
  return { severity: 'ERROR', summary, detail, ...(steps && steps.length > 0 ? { attribute: attributePath(steps) } : {}) };
}

export function warningDiagnostic(summary: string, detail = ''): Diagnostic {
  return { severity: 'WARNING', summary, detail };
}

/** One diagnostic per zod issue, worded as the lifecycle CLI words them (field: problem, got value). */
export function issueDiagnostics(issues: readonly ZodIssue[], raw: unknown, kind: string): Diagnostic[] {
  return issues.map((issue) => errorDiagnostic(`${issue.path.join('.') || kind}: ${issueProblem(issue, raw)}`, `Invalid ${kind} configuration.`, issue.path));
}

/** A connection block (at `steps`) naming a CA bundle for a plain http:// endpoint: one error on its ca_bundle_file. */
export function connectionDiagnostics(block: unknown, steps: readonly string[]): Diagnostic[] {
  const problem = caBundleOverHttpProblem(block);
  const path = [...steps, 'ca_bundle_file'];
  return problem === undefined ? [] : [errorDiagnostic(`${path.join('.')}: ${problem}`, 'Invalid connection: TLS settings for an endpoint without TLS.', path)];
}

/** A failed handler call as a diagnostic: bad input points at its field; API errors keep their code. */
export function diagnosticOfError(error: unknown, doing: string): Diagnostic {
  if (isInputError(error)) return errorDiagnostic(error.message, `${doing} rejected: bad input.`, stepsOfField(error.field));
  const message = error instanceof Error ? error.message : String(error);
  const detail = isApiError(error) ? `${doing} failed: ${error.outcome}.` : `${doing} failed.`;
  return errorDiagnostic(message, detail);
}
