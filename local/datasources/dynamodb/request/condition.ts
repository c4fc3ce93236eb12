// The `condition` section of PutItem, UpdateItem and DeleteItem, with its failure handling options:
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
import { MalformedRequestError } from '../errors';
import { readExpressionSection, type ExpressionSection } from './expressions';
import { expectRecord, fieldPath, optionalBoolean, optionalRecord, optionalString, requiredString, type JsonRecord } from './fields';

export interface ConditionSection extends ExpressionSection {
  /** Attributes left out when comparing the current item with the one a PutItem tried to write. */
  readonly equalsIgnore: readonly string[];
  /** Whether the read after a failed check is strongly consistent (default true). */
  readonly consistentRead: boolean;
  readonly strategy: 'Reject' | 'Custom';
}

function readStrategy(condition: JsonRecord, path: string): 'Reject' | 'Custom' {
  const handler = optionalRecord(condition, 'conditionalCheckFailedHandler', path);
  if (handler === undefined) return 'Reject';
  const at = fieldPath(path, 'conditionalCheckFailedHandler');
  const strategy = requiredString(handler, 'strategy', at);
  if (strategy !== 'Reject' && strategy !== 'Custom') {
    throw new MalformedRequestError(`'${fieldPath(at, 'strategy')}' must be Reject or Custom, got '${strategy}'.`);
  }
  if (strategy === 'Custom' && optionalString(handler, 'lambdaArn', at) === undefined) {
    throw new MalformedRequestError(`Value for field '${fieldPath(at, 'lambdaArn')}' not found.`);
  }
  return strategy;
}

function readEqualsIgnore(condition: JsonRecord, path: string): string[] {
  const value = condition.equalsIgnore;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) {
    throw new MalformedRequestError(`Expected a list of attribute names for '${fieldPath(path, 'equalsIgnore')}'.`);
  }
  return value as string[];
}

export function readCondition(request: JsonRecord, path: string): ConditionSection | undefined {
  const value = request.condition;
  if (value === undefined || value === null) return undefined;
  const at = fieldPath(path, 'condition');
  const condition = expectRecord(value, at);
  return {
    ...readExpressionSection(condition, at),
    equalsIgnore: readEqualsIgnore(condition, at),
    consistentRead: optionalBoolean(condition, 'consistentRead', at) ?? true,
    strategy: readStrategy(condition, at),
  };
}

/** Both conditions must hold; either may be absent. */
export function andConditions(...expressions: (string | undefined)[]): string | undefined {
  const present = expressions.filter((expression): expression is string => expression !== undefined);
  if (present.length <= 1) return present[0];
  return present.map((expression) => `(${expression})`).join(' AND ');
}
