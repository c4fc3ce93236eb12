// Projections: a list of attribute paths ('id', 'nested.object[1]') becomes a projection
// expression with a name placeholder for every path segment.

import { DynamoDBHelperInputError } from './errors';

export interface ProjectionExpression {
  expression: string;
  expressionNames: Record<string, string>;
}

const SEGMENT = /^([^.[\]]+)((?:\[\d+\])*)$/;

export function toProjection(paths: unknown): ProjectionExpression | undefined {
  if (paths === undefined || paths === null) return undefined;
  if (!Array.isArray(paths) || paths.some((path) => typeof path !== 'string')) {
    throw new DynamoDBHelperInputError(`projection must be a list of attribute paths, received ${JSON.stringify(paths)}`);
  }
  const expressionNames: Record<string, string> = {};
  const expressions = (paths as string[]).map((path) =>
    path
      .split('.')
      .map((segment) => {
        const match = SEGMENT.exec(segment);
        if (match === null) throw new DynamoDBHelperInputError(`projection path ${JSON.stringify(path)} is not an attribute path`);
        expressionNames[`#${match[1]}`] = match[1];
        return `#${match[1]}${match[2]}`;
      })
      .join('.'),
  );
  return { expression: expressions.join(', '), expressionNames };
}
