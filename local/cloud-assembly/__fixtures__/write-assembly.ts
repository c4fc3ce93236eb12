import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file asset as CDK's default synthesizer publishes it. */
export interface FixtureAsset {
  readonly hash: string;
  /** `file` assets get `asset.<hash><extension>`; `zip` assets are directories `asset.<hash>/`. */
  readonly packaging: 'file' | 'zip';
  readonly extension?: string;
  /** File contents by relative path (a single entry `''` for a `file` asset). */
  readonly files: Readonly<Record<string, string>>;
}

export const BOOTSTRAP_BUCKET = 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}';

/** The asset's file name inside cdk.out. */
export function assetFileName(asset: FixtureAsset): string {
  return `asset.${asset.hash}${asset.packaging === 'file' ? (asset.extension ?? '') : ''}`;
}

/** The object key the template uses for an asset, as the default synthesizer writes it. */
export function assetObjectKey(asset: FixtureAsset): string {
  return `${asset.hash}${asset.packaging === 'zip' ? '.zip' : (asset.extension ?? '')}`;
}

/**
 * Writes a one-stack cloud assembly (manifest, template, asset manifest, assets) in the layout
 * `cdk synth` produces, into a new temporary directory, and returns that directory.
 */
export function writeAssembly(stackName: string, template: unknown, assets: readonly FixtureAsset[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-assembly-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      version: '55.0.0',
      artifacts: {
        [`${stackName}.assets`]: { type: 'cdk:asset-manifest', properties: { file: `${stackName}.assets.json` } },
        [stackName]: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://unknown-account/unknown-region',
          properties: { templateFile: `${stackName}.template.json` },
          dependencies: [`${stackName}.assets`],
        },
      },
    }),
  );
  writeFileSync(join(dir, `${stackName}.template.json`), JSON.stringify(template));
  const files: Record<string, unknown> = {};
  for (const asset of assets) {
    const name = assetFileName(asset);
    if (asset.packaging === 'zip') {
      for (const [relative, content] of Object.entries(asset.files)) {
        mkdirSync(join(dir, name), { recursive: true });
        writeFileSync(join(dir, name, relative), content);
      }
    } else {
      writeFileSync(join(dir, name), asset.files[''] ?? '');
    }
    files[asset.hash] = {
      source: { path: name, packaging: asset.packaging },
      destinations: {
        'current_account-current_region': { bucketName: BOOTSTRAP_BUCKET, objectKey: assetObjectKey(asset) },
      },
    };
  }
  writeFileSync(join(dir, `${stackName}.assets.json`), JSON.stringify({ version: '55.0.0', files, dockerImages: {} }));
  return dir;
}
