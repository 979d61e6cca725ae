/** Exit codes of `repliform lifecycle` (DESIGN.md): Terraform shows the message and fails the resource. */
export const EXIT_OK = 0;
/** The operation failed on the server or in transit (the message carries the API's error code and op id). */
export const EXIT_FAILED = 1;
/** Bad input: the spec, the environment or a name that does not resolve. Nothing was changed. */
export const EXIT_BAD_INPUT = 2;
/** `repliform review`: the plan changes something (like `terraform plan -detailed-exitcode`). */
export const EXIT_CHANGES = 2;
