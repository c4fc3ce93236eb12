import type { UserPoolClientModel } from './cognito-user-pool';
import type { ResourceInput } from './model-context';

/** `AWS::Cognito::UserPoolClient`; the pool it belongs to is found by its resolved `UserPoolId`. */
export function buildUserPoolClientModel(input: ResourceInput): UserPoolClientModel {
  const { properties, logicalId, context } = input;
  const units = properties.object('TokenValidityUnits');
  return {
    logicalId,
    clientId: String(context.resolver.resolve({ Ref: logicalId }, `Resources.${logicalId}`)),
    clientName: properties.string('ClientName') ?? null,
    explicitAuthFlows: properties.strings('ExplicitAuthFlows') ?? [],
    generateSecret: properties.boolean('GenerateSecret') ?? false,
    accessTokenValidity: properties.number('AccessTokenValidity') ?? null,
    idTokenValidity: properties.number('IdTokenValidity') ?? null,
    refreshTokenValidity: properties.number('RefreshTokenValidity') ?? null,
    tokenValidityUnits: units === undefined ? {} : units.stringEntries(),
    readAttributes: properties.strings('ReadAttributes') ?? [],
    writeAttributes: properties.strings('WriteAttributes') ?? [],
  };
}
