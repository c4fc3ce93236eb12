import { rmSync } from 'node:fs';
import { createLocalEnvironment, type LocalEnvironmentOptions } from '../environment/local-environment';
import type { StackModel } from '../model/stack-model';
import { type CloudAssemblyModel, readCloudAssembly } from '../read-cloud-assembly';
import { type FixtureAsset, writeAssembly } from './write-assembly';

const written: string[] = [];

/** Writes the template as stack `Outpost` of a temporary cloud assembly and reads it back. */
export function readFixture(template: unknown, assets: readonly FixtureAsset[] = [], options: LocalEnvironmentOptions = {}): CloudAssemblyModel {
  const dir = writeAssembly('Outpost', template, assets);
  written.push(dir);
  return readCloudAssembly(dir, createLocalEnvironment(options));
}

/** The directory the last readFixture call wrote. */
export function lastFixtureDir(): string {
  return written[written.length - 1];
}

/** Removes the assemblies readFixture wrote; call from afterAll. */
export function removeFixtures(): void {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The expected stack: empty but for the parts the test names, so expectations stay whole objects.
 * Parts are loosely typed because expectations are plain literals (and may hold asymmetric matchers).
 */
export function stack(parts: { readonly [K in keyof StackModel]?: unknown }): Record<keyof StackModel, unknown> {
  return { stackName: 'Outpost', tables: [], userPools: [], graphqlApis: [], functions: [], eventSourceMappings: [], searchDomains: [], ...parts };
}
