import type { ResourceInput } from './model-context';

/** `AWS::AppSync::ApiKey`; the key value is local (`da2-<logical id>`) unless the environment overrides `ApiKey`. */
export interface ApiKeyModel {
  readonly logicalId: string;
  readonly apiKey: string;
  readonly description: string | null;
  /** Expiry in epoch seconds; null leaves AppSync's default of 7 days from creation
   *  (https://docs.aws.amazon.com/appsync/latest/APIReference/API_CreateApiKey.html). */
  readonly expires: number | null;
}

export function buildApiKeyModel(input: ResourceInput): ApiKeyModel {
  const { properties, logicalId, context } = input;
  return {
    logicalId,
    apiKey: String(context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'ApiKey'] }, `Resources.${logicalId}`)),
    description: properties.string('Description') ?? null,
    expires: properties.number('Expires') ?? null,
  };
}
