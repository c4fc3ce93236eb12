import { join } from 'node:path';
import type { PseudoParameters } from './environment/local-environment';
import { readJsonFile } from './json-file';
import { isRecord } from './template';

/** A file asset in cdk.out: a single file (`file`) or a directory CDK would zip (`zip`). */
export interface LocalAsset {
  readonly assetHash: string;
  /** Absolute path of the file or directory in the cloud assembly. */
  readonly path: string;
  readonly packaging: 'file' | 'zip';
}

/**
 * Maps the S3 locations a template names back to the asset files they were published from. The
 * asset manifest's bucket and key carry `${AWS::AccountId}`-style placeholders that cdk-assets
 * fills in at publish time; they are filled with the same pseudo parameters the template resolves
 * against, so both sides name the same `s3://bucket/key`.
 */
export class AssetIndex {
  private readonly byLocation = new Map<string, LocalAsset>();
  private readonly byKey = new Map<string, LocalAsset>();

  add(location: { bucketName: string; objectKey: string }, asset: LocalAsset): void {
    this.byLocation.set(`s3://${location.bucketName}/${location.objectKey}`, asset);
    this.byKey.set(location.objectKey, asset);
  }

  /** The asset published to `s3://bucket/key`; the key alone decides when the bucket differs (it is a content hash). */
  find(bucketName: string, objectKey: string): LocalAsset | undefined {
    return this.byLocation.get(`s3://${bucketName}/${objectKey}`) ?? this.byKey.get(objectKey);
  }

  /** The asset at an `s3://bucket/key` URL. */
  findUrl(url: string): LocalAsset | undefined {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
    return match === null ? undefined : this.find(match[1], match[2]);
  }
}

/** Adds the file assets of one `*.assets.json` manifest to the index. */
export function indexAssetManifest(index: AssetIndex, assemblyDir: string, manifestFile: string, pseudo: PseudoParameters): void {
  const manifest = readJsonFile(join(assemblyDir, manifestFile), 'asset manifest');
  const files = isRecord(manifest) && isRecord(manifest.files) ? manifest.files : {};
  for (const [assetHash, entry] of Object.entries(files)) {
    if (!isRecord(entry) || !isRecord(entry.source) || typeof entry.source.path !== 'string') continue;
    const asset: LocalAsset = {
      assetHash,
      path: join(assemblyDir, entry.source.path),
      packaging: entry.source.packaging === 'zip' ? 'zip' : 'file',
    };
    for (const destination of Object.values(isRecord(entry.destinations) ? entry.destinations : {})) {
      if (!isRecord(destination) || typeof destination.bucketName !== 'string' || typeof destination.objectKey !== 'string') continue;
      index.add({ bucketName: fillPlaceholders(destination.bucketName, pseudo), objectKey: fillPlaceholders(destination.objectKey, pseudo) }, asset);
    }
  }
}

function fillPlaceholders(text: string, pseudo: PseudoParameters): string {
  return text
    .replaceAll('${AWS::AccountId}', pseudo.accountId)
    .replaceAll('${AWS::Region}', pseudo.region)
    .replaceAll('${AWS::Partition}', pseudo.partition);
}
