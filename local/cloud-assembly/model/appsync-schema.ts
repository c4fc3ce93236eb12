import { inlineOrAssetText, type ResourceInput } from './model-context';

/** `AWS::AppSync::GraphQLSchema`: the SDL, inline (`Definition`) or from an asset (`DefinitionS3Location`). */
export interface SchemaModel {
  readonly logicalId: string;
  readonly definition: string;
  /** The asset file the SDL came from; null when inline. */
  readonly definitionPath: string | null;
}

/** Undefined when the SDL cannot be found; the AssetNotFound warning has said why. */
export function buildSchemaModel(input: ResourceInput): SchemaModel | undefined {
  const { text, assetPath } = inlineOrAssetText(input, 'Definition', 'DefinitionS3Location', 'the schema');
  return text === null ? undefined : { logicalId: input.logicalId, definition: text, definitionPath: assetPath };
}
