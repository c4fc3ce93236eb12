/** Thrown when a @aws-appsync/utils/dynamodb helper receives input it cannot turn into a request. */
export class DynamoDBHelperInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DynamoDBHelperInputError';
  }
}
