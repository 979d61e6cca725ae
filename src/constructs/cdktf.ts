/**
 * The ONE module of repliform that imports CDKTF.
 *
 * CDKTF was archived upstream on 2025-12-10; its maintained fork is CDK Terrain (`cdktn`). Every other
 * file imports what it needs from here, so moving to the fork (or pinning another version) is a change
 * to this file only. The `null` provider bindings are re-exported here too because they are built
 * against the same core library and move together with it.
 */
export {
  AnnotationMetadataEntryType,
  Annotations,
  anyToHclTerraform,
  anyToTerraform,
  App,
  hashMapper,
  hashMapperHcl,
  Fn,
  Op,
  TerraformProvider,
  TerraformResource,
  TerraformSelf,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { IResolvable, ITerraformDependable, LocalExecProvisioner, TerraformMetaArguments } from 'cdktf';
export { NullProvider } from '@cdktf/provider-null/lib/provider';
export { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
