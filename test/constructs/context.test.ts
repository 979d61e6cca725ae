import { AnnotationMetadataEntryType, Backing, ValidationError } from '../../src/constructs';
import { block, newStack, pairing, replication, synth } from './helpers';

const commands = (stack: ReturnType<typeof newStack>) =>
  Object.values(synth(stack).resource)
    .flatMap((byId) => Object.values(byId))
    .flatMap((r) => r.provisioner.map((p) => p['local-exec'].command));

describe('context overrides', () => {
  test('repliform:command replaces the CLI command in every provisioner', () => {
    const stack = newStack({ 'repliform:command': 'npx --no-install repliform' });
    replication(stack);
    expect(commands(stack).sort()).toEqual([
      'npx --no-install repliform lifecycle create vr.pairing',
      'npx --no-install repliform lifecycle create vr.replication',
      'npx --no-install repliform lifecycle delete vr.pairing',
      'npx --no-install repliform lifecycle delete vr.replication',
      'npx --no-install repliform lifecycle update vr.replication',
    ]);
  });

  test('the default command is the portable `repliform`', () => {
    const stack = newStack();
    replication(stack);
    expect(commands(stack).every((c) => c.startsWith('repliform lifecycle '))).toBe(true);
  });

  test('an absolute command path gets a warning annotation', () => {
    const stack = newStack({ 'repliform:command': '/opt/repliform/bin/repliform' });
    const r = replication(stack);
    const warnings = r.identityResource.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN);
    expect(warnings.map((w) => String(w.data))).toEqual([expect.stringContaining('is an absolute path (/opt/repliform/bin/repliform)')]);
  });

  test('an empty command context is rejected', () => {
    const stack = newStack({ 'repliform:command': ' ' });
    expect(() => pairing(stack)).toThrow("context 'repliform:command' must be a non-empty command such as 'npx --no-install repliform', got ' '");
  });

  test('repliform:backing switches the app to null_resource', () => {
    const stack = newStack({ 'repliform:backing': 'null_resource' });
    const r = replication(stack);
    const json = synth(stack);
    expect(Object.keys(json.resource)).toEqual(['null_resource']);
    expect(r.identityResource.backing).toBe(Backing.NULL_RESOURCE);
  });

  test('a backing prop wins over the context', () => {
    const stack = newStack({ 'repliform:backing': 'null_resource' });
    const p = pairing(stack, { backing: Backing.TERRAFORM_DATA });
    const json = synth(stack);
    expect(block(json, p.resource).triggers_replace).toBeDefined();
    expect(json.resource.null_resource).toBeUndefined();
  });

  test('an unknown backing in the context is rejected with the allowed values', () => {
    const stack = newStack({ 'repliform:backing': 'local_exec' });
    let error: unknown;
    try {
      pairing(stack);
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect((error as Error).message).toBe(
      "repliform at 'stack/site-a-to-b': context 'repliform:backing' must be one of terraform_data, null_resource, provider, got 'local_exec'",
    );
  });
});
