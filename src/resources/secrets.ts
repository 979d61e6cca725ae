/**
 * Reads credentials from the environment variables a spec names. The values never leave memory: they are
 * not logged, not put in errors, and never written to the spec, the plan or the state.
 */
import { InputError } from './errors';

export function readSecret(variable: string, field: string, env: NodeJS.ProcessEnv): string {
  const value = env[variable];
  if (value === undefined || value === '') {
    throw new InputError(field, `environment variable ${variable} is not set; export it before running Terraform`);
  }
  return value;
}
