import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { OutpostFunction } from '../functions/outpost-function';

export interface LinkPreviewProps {
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/**
 * The function behind Query.linkPreview (DESIGN.md, "Search and third parties go through Lambda"):
 * it fetches public web pages only, so it runs outside any VPC and its role may write its own logs
 * and nothing else. The Query.linkPreview pipeline reads and writes the LinkPreviews cache itself.
 * It is given no LINK_PREVIEW_TEST_ALLOWED_ORIGINS: that allowlist exists for handler tests only.
 */
export class LinkPreview extends Construct {
  /** The Lambda data source `LinkPreviewFunction`. */
  readonly function: IFunction;

  constructor(scope: Construct, id: string, props: LinkPreviewProps = {}) {
    super(scope, id);
    this.function = new OutpostFunction(this, 'Function', {
      folder: 'link-preview',
      description: 'Fetches a public web page and returns its Open Graph preview; refuses internal addresses.',
      // The fetch gives up after 3 s; the rest covers a cold start.
      timeout: Duration.seconds(5),
      removalPolicy: props.removalPolicy,
      logRetention: props.logRetention,
    }).function;
  }
}
