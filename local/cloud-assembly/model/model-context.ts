import { readFileSync } from 'node:fs';
import type { AssetIndex, LocalAsset } from '../asset-index';
import type { TemplateResolver } from '../intrinsics/template-resolver';
import type { CfnTemplate } from '../template';
import type { WarningSink } from '../warnings';
import { ValueReader } from './value-reader';

/** What every model builder needs: the resolver, the assets and where warnings go. */
export interface ModelContext {
  readonly template: CfnTemplate;
  readonly resolver: TemplateResolver;
  readonly assets: AssetIndex;
  readonly warnings: WarningSink;
}

/** One resource of the template, as a builder sees it. */
export interface ResourceInput {
  readonly logicalId: string;
  readonly type: string;
  /** Properties with intrinsics resolved. */
  readonly properties: ValueReader;
  /** Properties as the template wrote them, for following references. */
  readonly rawProperties: Readonly<Record<string, unknown>>;
  readonly context: ModelContext;
}

export function resourceInput(logicalId: string, context: ModelContext): ResourceInput {
  const resource = context.template.Resources?.[logicalId];
  const rawProperties = resource?.Properties ?? {};
  const resolved: Record<string, unknown> = {};
  for (const name of Object.keys(rawProperties)) {
    const value = context.resolver.resolveProperty(logicalId, name);
    if (value !== undefined) resolved[name] = value;
  }
  return {
    logicalId,
    type: resource?.Type ?? '',
    properties: new ValueReader(resolved, `Resources.${logicalId}.Properties`, context.warnings),
    rawProperties,
    context,
  };
}

/** The asset an S3 URL names, or undefined with an AssetNotFound warning that says what is left out. */
export function findAssetByUrl(context: ModelContext, url: string, path: string, leftOut: string): LocalAsset | undefined {
  const asset = context.assets.findUrl(url);
  if (asset === undefined) {
    context.warnings.add('AssetNotFound', `${path} names ${url}, which matches no file asset in the cloud assembly; ${leftOut} is left out.`);
  }
  return asset;
}

/** The text of a single-file asset, or undefined with an AssetNotFound warning. */
export function readAssetText(context: ModelContext, asset: LocalAsset, path: string, leftOut: string): string | undefined {
  try {
    return readFileSync(asset.path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.warnings.add('AssetNotFound', `${path} names asset ${asset.assetHash}, which cannot be read (${reason}); ${leftOut} is left out.`);
    return undefined;
  }
}

/** Inline text or the text of the asset at an S3 URL, with the asset's path when there is one. */
export function inlineOrAssetText(
  input: ResourceInput,
  inlineKey: string,
  s3Key: string,
  leftOut: string,
): { readonly text: string | null; readonly assetPath: string | null } {
  const inline = input.properties.string(inlineKey);
  if (inline !== undefined) return { text: inline, assetPath: null };
  const url = input.properties.string(s3Key);
  if (url === undefined) return { text: null, assetPath: null };
  const path = `${input.properties.path}.${s3Key}`;
  const asset = findAssetByUrl(input.context, url, path, leftOut);
  const text = asset === undefined ? undefined : readAssetText(input.context, asset, path, leftOut);
  return text === undefined || asset === undefined ? { text: null, assetPath: null } : { text, assetPath: asset.path };
}
