export { AWS_SCALARS, AWSDate, AWSDateTime, AWSEmail, AWSIPAddress, AWSJSON, AWSPhone, AWSTime, AWSTimestamp, AWSURL, ScalarLiteralError, ScalarSerializeError } from './aws-scalars';
export { withAwsScalars } from './with-aws-scalars';
