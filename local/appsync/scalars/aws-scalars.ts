// GraphQLScalarType implementations of AppSync's AWS scalars. Inputs (literals and variables) and
// outputs are checked against the formats in "Scalar types in AWS AppSync"
// (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html).
import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { isAwsDate, isAwsDateTime, isAwsEmail, isAwsIpAddress, isAwsPhone, isAwsTime, isAwsUrl } from './formats';

/**
 * A resolver returned a value the scalar cannot serialize. The executor reports it the way AppSync
 * (graphql-java) does: `Can't serialize value (/path) : <message>`.
 */
export class ScalarSerializeError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScalarSerializeError';
  }
}

/** A literal the scalar does not accept; validation reports it against the literal's node. */
export class ScalarLiteralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScalarLiteralError';
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

interface StringScalarSpec {
  name: string;
  description: string;
  valid: (value: string) => boolean;
  /** How AppSync names the kind in `Unable to serialize `x` as a valid …`. */
  kind: string;
}

function stringScalar(spec: StringScalarSpec): GraphQLScalarType<string, string> {
  const problem = (value: unknown): string | null => (typeof value === 'string' && spec.valid(value) ? null : `Unable to parse \`${show(value)}\` as a valid ${spec.kind}.`);
  return new GraphQLScalarType<string, string>({
    name: spec.name,
    description: spec.description,
    serialize(value) {
      if (typeof value !== 'string' || !spec.valid(value)) throw new ScalarSerializeError(`Unable to serialize \`${show(value)}\` as a valid ${spec.kind}.`);
      return value;
    },
    parseValue(value) {
      const message = problem(value);
      if (message !== null) throw new GraphQLError(message);
      return value as string;
    },
    parseLiteral(node: ValueNode) {
      if (node.kind !== Kind.STRING) throw new ScalarLiteralError(`Unable to parse ${print(node)} as a valid ${spec.kind}.`);
      const message = problem(node.value);
      if (message !== null) throw new ScalarLiteralError(message);
      return node.value;
    },
  });
}

export const AWSDate = stringScalar({ name: 'AWSDate', description: 'An extended ISO 8601 date string `YYYY-MM-DD`.', valid: isAwsDate, kind: 'Date' });
export const AWSTime = stringScalar({ name: 'AWSTime', description: 'An extended ISO 8601 time string `hh:mm:ss.sss`.', valid: isAwsTime, kind: 'Time' });
// "Unable to serialize `2026-05-06T00:00:00.000` as a valid DateTime Object." is what AppSync
// reports for an AWSDateTime without an offset (a public report of the message in a deployed API).
export const AWSDateTime = stringScalar({ name: 'AWSDateTime', description: 'An extended ISO 8601 date-time string `YYYY-MM-DDThh:mm:ss.sssZ`.', valid: isAwsDateTime, kind: 'DateTime Object' });
export const AWSEmail = stringScalar({ name: 'AWSEmail', description: 'An email address `local-part@domain-part`.', valid: isAwsEmail, kind: 'Email' });
export const AWSURL = stringScalar({ name: 'AWSURL', description: 'A URL with a scheme, as in RFC 1738.', valid: isAwsUrl, kind: 'URL' });
export const AWSPhone = stringScalar({ name: 'AWSPhone', description: 'A phone number.', valid: isAwsPhone, kind: 'Phone' });
export const AWSIPAddress = stringScalar({ name: 'AWSIPAddress', description: 'An IPv4 or IPv6 address, optionally with a CIDR prefix.', valid: isAwsIpAddress, kind: 'IPAddress' });

function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Seconds since the epoch, as an integer. */
export const AWSTimestamp = new GraphQLScalarType<number, number>({
  name: 'AWSTimestamp',
  description: 'An integer number of seconds before or after 1970-01-01T00:00Z.',
  serialize(value) {
    if (!isTimestamp(value)) throw new ScalarSerializeError(`Unable to serialize \`${show(value)}\` as a valid timestamp.`);
    return value;
  },
  parseValue(value) {
    if (!isTimestamp(value)) throw new GraphQLError(`Unable to parse ${show(value)} as a valid timestamp.`);
    return value;
  },
  parseLiteral(node) {
    if (node.kind !== Kind.INT) throw new ScalarLiteralError(`Unable to parse ${print(node)} as a valid timestamp.`);
    const value = Number(node.value);
    if (!Number.isSafeInteger(value)) throw new ScalarLiteralError(`Unable to parse ${node.value} as a valid timestamp.`);
    return value;
  },
});

function parseJsonText(text: string, literal: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = `Unable to parse ${text} as valid JSON.`;
    throw literal ? new ScalarLiteralError(message) : new GraphQLError(message, { originalError: cause as Error });
  }
}

/**
 * A JSON string on the wire. Resolvers receive it parsed into a map, list or scalar; a resolver's
 * map, list or scalar is sent back as JSON text.
 */
export const AWSJSON = new GraphQLScalarType<unknown, string>({
  name: 'AWSJSON',
  description: 'A JSON string.',
  serialize(value) {
    // A string a resolver returns is taken as JSON text already.
    if (typeof value === 'string') return value;
    const text = JSON.stringify(value);
    if (text === undefined) throw new ScalarSerializeError(`Unable to serialize \`${show(value)}\` as a valid JSON.`);
    return text;
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new GraphQLError(`Unable to parse ${show(value)} as valid JSON.`);
    return parseJsonText(value, false);
  },
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw new ScalarLiteralError(`Unable to parse ${print(node)} as valid JSON.`);
    return parseJsonText(node.value, true);
  },
});

export const AWS_SCALARS: readonly GraphQLScalarType[] = [AWSDate, AWSTime, AWSDateTime, AWSTimestamp, AWSEmail, AWSJSON, AWSURL, AWSPhone, AWSIPAddress];
