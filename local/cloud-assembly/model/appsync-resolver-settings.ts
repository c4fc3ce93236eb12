import { inlineOrAssetText, type ResourceInput } from './model-context';

export interface AppsyncRuntime {
  readonly name: string;
  readonly runtimeVersion: string;
}

/** Conflict detection for versioned data sources (https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-sync.html). */
export interface SyncConfig {
  readonly conflictDetection: 'VERSION' | 'NONE';
  readonly conflictHandler: 'OPTIMISTIC_CONCURRENCY' | 'AUTOMERGE' | 'LAMBDA' | 'NONE' | null;
  readonly lambdaConflictHandlerArn: string | null;
}

/** What resolvers and pipeline functions share: runtime, code, mapping templates, batching, sync. */
export interface ResolverSettings {
  readonly runtime: AppsyncRuntime | null;
  /** The APPSYNC_JS code text, inline or read from its asset; null for VTL. */
  readonly code: string | null;
  /** The asset file the code came from; null when inline. */
  readonly codePath: string | null;
  readonly requestMappingTemplate: string | null;
  readonly responseMappingTemplate: string | null;
  readonly maxBatchSize: number | null;
  readonly syncConfig: SyncConfig | null;
}

/** Reads the shared settings; `label` names the resolver or function in warnings. */
export function readResolverSettings(input: ResourceInput, label: string): ResolverSettings {
  const { properties, context } = input;
  const runtime = properties.object('Runtime');
  const runtimeName = runtime?.string('Name');
  const code = inlineOrAssetText(input, 'Code', 'CodeS3Location', `the code of ${label}`);
  const request = inlineOrAssetText(input, 'RequestMappingTemplate', 'RequestMappingTemplateS3Location', `the request mapping template of ${label}`);
  const response = inlineOrAssetText(input, 'ResponseMappingTemplate', 'ResponseMappingTemplateS3Location', `the response mapping template of ${label}`);
  if (runtimeName !== 'APPSYNC_JS' && (request.text !== null || response.text !== null)) {
    context.warnings.add('UnsupportedResolverRuntime', `${label} uses VTL mapping templates; Outpost Local runs APPSYNC_JS code only, so it will fail.`);
  }
  const sync = properties.object('SyncConfig');
  const conflictDetection = sync?.oneOf('ConflictDetection', ['VERSION', 'NONE'] as const);
  return {
    runtime: runtimeName === undefined ? null : { name: runtimeName, runtimeVersion: runtime?.string('RuntimeVersion') ?? '' },
    code: code.text,
    codePath: code.assetPath,
    requestMappingTemplate: request.text,
    responseMappingTemplate: response.text,
    maxBatchSize: properties.number('MaxBatchSize') ?? null,
    syncConfig:
      conflictDetection === undefined
        ? null
        : {
            conflictDetection,
            conflictHandler: sync?.oneOf('ConflictHandler', ['OPTIMISTIC_CONCURRENCY', 'AUTOMERGE', 'LAMBDA', 'NONE'] as const) ?? null,
            lambdaConflictHandlerArn: sync?.object('LambdaConflictHandlerConfig')?.string('LambdaConflictHandlerArn') ?? null,
          },
  };
}
