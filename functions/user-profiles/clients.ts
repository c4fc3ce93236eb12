import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

let dynamodb: DynamoDBClient | undefined;

/** One client per execution environment, reused by warm invocations. */
export function dynamoDbClient(): DynamoDBClient {
  dynamodb ??= new DynamoDBClient({});
  return dynamodb;
}
