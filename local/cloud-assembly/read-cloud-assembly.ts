import { isAbsolute, join, resolve } from 'node:path';
import { listStackArtifacts } from './assembly-manifest';
import { AssetIndex, indexAssetManifest } from './asset-index';
import { CloudAssemblyReadError } from './errors';
import { createLocalEnvironment, type LocalEnvironment } from './environment/local-environment';
import { TemplateResolver } from './intrinsics/template-resolver';
import { readJsonFile } from './json-file';
import { buildStackModel, type StackModel } from './model/stack-model';
import { type CfnTemplate, isRecord } from './template';
import { type AssemblyWarning, WarningSink } from './warnings';

/** The synthesized app as Outpost Local runs it, with every warning met on the way. */
export interface CloudAssemblyModel {
  /** The absolute path of the cdk.out directory that was read. */
  readonly directory: string;
  readonly stacks: readonly StackModel[];
  readonly warnings: readonly AssemblyWarning[];
}

/**
 * Reads a cloud assembly (`cdk.out/`): every CloudFormation stack in its manifest, including those
 * of nested assemblies (CDK stages), with intrinsics resolved against `environment` and S3 asset
 * locations mapped back to the files in the assembly. Throws CloudAssemblyReadError only when the
 * assembly itself cannot be read; everything Outpost Local cannot honour becomes a warning.
 */
export function readCloudAssembly(cdkOutDir: string, environment: LocalEnvironment = createLocalEnvironment()): CloudAssemblyModel {
  const directory = isAbsolute(cdkOutDir) ? cdkOutDir : resolve(cdkOutDir);
  const artifacts = listStackArtifacts(directory);
  if (artifacts.length === 0) {
    throw new CloudAssemblyReadError(`The cloud assembly at ${directory} has no CloudFormation stack; check that the CDK app adds one.`);
  }
  const warnings: AssemblyWarning[] = [];
  const stacks = artifacts.map((artifact) => {
    const template = readJsonFile(join(artifact.assemblyDir, artifact.templateFile), `template of stack ${artifact.stackName}`);
    if (!isRecord(template)) {
      throw new CloudAssemblyReadError(`The template of stack ${artifact.stackName} is not a JSON object.`);
    }
    const assets = new AssetIndex();
    for (const file of artifact.assetManifestFiles) indexAssetManifest(assets, artifact.assemblyDir, file, environment.pseudo);
    const sink = new WarningSink(artifact.stackName);
    const cfnTemplate = template as CfnTemplate;
    const resolver = new TemplateResolver(cfnTemplate, artifact.stackName, environment, sink);
    const stack = buildStackModel(artifact.stackName, { template: cfnTemplate, resolver, assets, warnings: sink });
    warnings.push(...sink.warnings);
    return stack;
  });
  return { directory, stacks, warnings };
}
