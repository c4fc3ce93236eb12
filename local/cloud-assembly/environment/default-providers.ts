import { appsyncProviders } from './appsync-providers';
import { cognitoProviders } from './cognito-providers';
import { dynamodbProviders } from './dynamodb-providers';
import { lambdaProviders } from './lambda-providers';
import type { AttributeProvider } from './local-environment';
import { searchProviders } from './search-providers';
import { supportProviders } from './support-providers';

/** The attribute providers Outpost Local ships, by resource type; frozen, callers add theirs per environment. */
export const defaultAttributeProviders: Readonly<Record<string, AttributeProvider>> = Object.freeze({
  ...dynamodbProviders,
  ...cognitoProviders,
  ...appsyncProviders,
  ...lambdaProviders,
  ...searchProviders,
  ...supportProviders,
});
