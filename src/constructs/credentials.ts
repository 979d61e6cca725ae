import type { CredentialsRef } from '../resources/vr/connection';
import { describeValue, ENV_VAR_NAME_MESSAGE, isEnvVarName, type ValidationRule } from './validation';

/**
 * Where the `repliform` CLI finds a user name and a password at deploy time: the NAMES of two
 * environment variables, never their values.
 *
 * There is deliberately no way to pass a literal password: whatever a construct synthesizes lands in
 * `cdk.tf.json` and in Terraform state, so only the variable names are stored there and the CLI reads
 * the values from its own environment when Terraform runs it.
 *
 * @example
 * const credentials = Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD');
 */
export class Credentials {
  /**
   * Credentials read from two environment variables when the CLI runs.
   *
   * The names are checked (`[A-Za-z_][A-Za-z0-9_]*`) by the construct that uses them, so the error
   * names the construct path. A value that is not a variable name is never echoed for the password,
   * in case a password was passed by mistake.
   *
   * @param usernameVar name of the variable holding the user name, e.g. `VR_SITE_A_USER`
   * @param passwordVar name of the variable holding the password, e.g. `VR_SITE_A_PASSWORD`
   */
  public static fromEnv(usernameVar: string, passwordVar: string): Credentials {
    return new Credentials(usernameVar, passwordVar);
  }

  /**
   * Huawei Cloud AK/SK credentials (SDRS) read from two environment variables when the CLI runs, which signs
   * every request with them; only the variable names are synthesized.
   *
   * @param accessKeyVar name of the variable holding the access key id, e.g. `HW_AK`
   * @param secretKeyVar name of the variable holding the secret access key, e.g. `HW_SK`
   */
  public static fromEnvAkSk(accessKeyVar: string, secretKeyVar: string): AkSkCredentials {
    return new AkSkCredentials(accessKeyVar, secretKeyVar);
  }

  /**
   * A Huawei Cloud IAM token (SDRS, sent as `X-Auth-Token`) read from one environment variable when the CLI runs;
   * only the variable name is synthesized. Tokens expire after 24 hours: prefer AK/SK for unattended deploys.
   *
   * @param tokenVar name of the variable holding the token, e.g. `HW_AUTH_TOKEN`
   */
  public static fromEnvToken(tokenVar: string): TokenCredentials {
    return new TokenCredentials(tokenVar);
  }

  /** Name of the environment variable that holds the user name. */
  public readonly usernameEnv: string;
  /** Name of the environment variable that holds the password. */
  public readonly passwordEnv: string;

  private constructor(usernameEnv: string, passwordEnv: string) {
    this.usernameEnv = usernameEnv;
    this.passwordEnv = passwordEnv;
  }

  /** The spec shape (`{ username_env, password_env }`) read by the CLI. */
  public toSpec(): CredentialsRef {
    return { username_env: this.usernameEnv, password_env: this.passwordEnv };
  }
}

/**
 * Validation rules for one (optional) Credentials prop.
 * @param field the prop name in messages, e.g. `credentials` or `createIfMissing.credentials`
 * @internal
 */
export function credentialsRules<P>(field: string, get: (props: P) => Credentials | undefined): Array<ValidationRule<P>> {
  return [
    {
      field: `${field}.usernameEnv`,
      value: (p) => get(p)?.usernameEnv,
      condition: (v, p) => get(p) === undefined || isEnvVarName(v),
      message: `${ENV_VAR_NAME_MESSAGE} (use Credentials.fromEnv('SITE_A_USER', 'SITE_A_PASSWORD'))`,
      got: (v) => describeValue(v),
    },
    {
      field: `${field}.passwordEnv`,
      value: (p) => get(p)?.passwordEnv,
      condition: (v, p) => get(p) === undefined || isEnvVarName(v),
      message: `${ENV_VAR_NAME_MESSAGE}: the NAME of the variable that holds the password, never the password itself`,
      got: () => 'a value that is not a variable name (not shown: it may be a secret)',
    },
  ];
}

/**
 * Where the `repliform` CLI finds a Huawei Cloud access key (AK) and secret key (SK) at deploy time: the NAMES
 * of two environment variables, never their values. Made by {@link Credentials.fromEnvAkSk}.
 */
export class AkSkCredentials {
  /** Name of the environment variable that holds the access key id. */
  public readonly accessKeyEnv: string;
  /** Name of the environment variable that holds the secret access key. */
  public readonly secretKeyEnv: string;

  /** @internal */
  constructor(accessKeyEnv: string, secretKeyEnv: string) {
    this.accessKeyEnv = accessKeyEnv;
    this.secretKeyEnv = secretKeyEnv;
  }

  /** The spec shape (`{ access_key_env, secret_key_env }`) read by the CLI. */
  public toSpec(): { access_key_env: string; secret_key_env: string } {
    return { access_key_env: this.accessKeyEnv, secret_key_env: this.secretKeyEnv };
  }
}

/** Where the `repliform` CLI finds an IAM token at deploy time: the NAME of one environment variable. Made by {@link Credentials.fromEnvToken}. */
export class TokenCredentials {
  /** Name of the environment variable that holds the token. */
  public readonly tokenEnv: string;

  /** @internal */
  constructor(tokenEnv: string) {
    this.tokenEnv = tokenEnv;
  }

  /** The spec shape (`{ token_env }`) read by the CLI. */
  public toSpec(): { token_env: string } {
    return { token_env: this.tokenEnv };
  }
}

/**
 * Validation rules for an AK/SK credentials prop (the SK's value is never echoed: it may be the secret itself).
 * @internal
 */
export function akSkCredentialsRules<P>(field: string, get: (props: P) => AkSkCredentials | undefined): Array<ValidationRule<P>> {
  return [
    {
      field: `${field}.accessKeyEnv`,
      value: (p) => get(p)?.accessKeyEnv,
      condition: (v, p) => get(p) === undefined || isEnvVarName(v),
      message: `${ENV_VAR_NAME_MESSAGE} (use Credentials.fromEnvAkSk('HW_AK', 'HW_SK'))`,
      got: () => 'a value that is not a variable name (not shown: it may be a secret)',
    },
    {
      field: `${field}.secretKeyEnv`,
      value: (p) => get(p)?.secretKeyEnv,
      condition: (v, p) => get(p) === undefined || isEnvVarName(v),
      message: `${ENV_VAR_NAME_MESSAGE}: the NAME of the variable that holds the secret key, never the key itself`,
      got: () => 'a value that is not a variable name (not shown: it may be a secret)',
    },
  ];
}

/**
 * Validation rules for a prop holding AK/SK or token credentials (no value is echoed: it may be the secret itself).
 * @internal
 */
export function cloudCredentialsRules<P>(field: string, get: (props: P) => AkSkCredentials | TokenCredentials | undefined): Array<ValidationRule<P>> {
  const akSk = (p: P): AkSkCredentials | undefined => {
    const credentials = get(p);
    return credentials instanceof AkSkCredentials ? credentials : undefined;
  };
  return [
    {
      field,
      value: get,
      condition: (v) => v instanceof AkSkCredentials || v instanceof TokenCredentials,
      message: "must be Credentials.fromEnvAkSk('HW_AK', 'HW_SK') or Credentials.fromEnvToken('HW_AUTH_TOKEN')",
      got: (v) => (v === undefined ? 'nothing' : 'something else'),
    },
    ...akSkCredentialsRules<P>(field, akSk),
    {
      field: `${field}.tokenEnv`,
      value: (p) => {
        const credentials = get(p);
        return credentials instanceof TokenCredentials ? credentials.tokenEnv : undefined;
      },
      condition: (v) => v === undefined || isEnvVarName(v),
      message: `${ENV_VAR_NAME_MESSAGE}: the NAME of the variable that holds the token, never the token itself`,
      got: () => 'a value that is not a variable name (not shown: it may be a secret)',
    },
  ];
}
