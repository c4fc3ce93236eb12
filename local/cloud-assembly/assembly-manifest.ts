import { join } from 'node:path';
import { readJsonFile } from './json-file';
import { isRecord } from './template';

/** A CloudFormation stack artifact of the cloud assembly. */
export interface StackArtifact {
  readonly artifactId: string;
  readonly stackName: string;
  /** The directory of the (possibly nested) assembly that holds the template and its assets. */
  readonly assemblyDir: string;
  readonly templateFile: string;
  /** The `*.assets.json` files this stack depends on, relative to assemblyDir. */
  readonly assetManifestFiles: readonly string[];
}

/**
 * Lists the stack artifacts of `manifest.json`, descending into nested assemblies (CDK stages write
 * one per stage, as `cdk:cloud-assembly` artifacts).
 */
export function listStackArtifacts(assemblyDir: string): StackArtifact[] {
  const manifest = readJsonFile(join(assemblyDir, 'manifest.json'), 'cloud assembly manifest');
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : {};
  const assetManifests = new Map<string, string>();
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (isRecord(artifact) && artifact.type === 'cdk:asset-manifest' && isRecord(artifact.properties) && typeof artifact.properties.file === 'string') {
      assetManifests.set(id, artifact.properties.file);
    }
  }
  const stacks: StackArtifact[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    const properties = artifact.properties;
    if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      stacks.push(...listStackArtifacts(join(assemblyDir, properties.directoryName)));
    }
    if (artifact.type !== 'aws:cloudformation:stack' || typeof properties.templateFile !== 'string') continue;
    const dependencies = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
    stacks.push({
      artifactId,
      stackName: typeof properties.stackName === 'string' ? properties.stackName : artifactId,
      assemblyDir,
      templateFile: properties.templateFile,
      assetManifestFiles: dependencies.flatMap((dependency) => {
        const file = typeof dependency === 'string' ? assetManifests.get(dependency) : undefined;
        return file === undefined ? [] : [file];
      }),
    });
  }
  return stacks;
}
