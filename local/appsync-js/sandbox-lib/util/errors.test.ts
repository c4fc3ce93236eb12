import { createCoreUtil } from './core';
import { createFakeHost } from './testing/fake-host';
import { thrown } from './testing/thrown';

describe('util.error', () => {
  // https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html, "Error utils":
  // util.error(String, String?, Object?, Object?) throws and stops the evaluation.
  it('stops the evaluation with the message, type, data and error info', () => {
    const util = createCoreUtil(createFakeHost());
    expect(thrown(() => util.error('Note is locked', 'ConflictError', { id: 'n1' }, { retry: false }))).toEqual({
      outpostAbort: 'error',
      error: { message: 'Note is locked', errorType: 'ConflictError', data: { id: 'n1' }, errorInfo: { retry: false } },
    });
  });

  it('carries only the arguments that were given', () => {
    const util = createCoreUtil(createFakeHost());
    expect(thrown(() => util.error('Bad input'))).toEqual({ outpostAbort: 'error', error: { message: 'Bad input' } });
  });
});

describe('util.appendError', () => {
  it('records the error and lets the evaluation go on', () => {
    const host = createFakeHost();
    const util = createCoreUtil(host);
    util.appendError('first');
    util.appendError('second', 'Partial', { count: 2 }, null);
    expect(host.state().errors).toEqual([
      { message: 'first' },
      { message: 'second', errorType: 'Partial', data: { count: 2 }, errorInfo: null },
    ]);
  });
});

describe('util.unauthorized', () => {
  // A resolver-level rejection is errorType "Unauthorized" with "Not Authorized to access X on type Y"
  // (https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error).
  it('names the field when the host records it', () => {
    const host = createFakeHost();
    host.state().field = { parentTypeName: 'Query', fieldName: 'note' };
    expect(thrown(() => createCoreUtil(host).unauthorized())).toEqual({
      outpostAbort: 'error',
      error: { message: 'Not Authorized to access note on type Query', errorType: 'Unauthorized' },
    });
  });

  it('says only "Unauthorized" when no field is known', () => {
    expect(thrown(() => createCoreUtil(createFakeHost()).unauthorized())).toEqual({
      outpostAbort: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });
});

describe('util.authType', () => {
  // The strings of the built-in utilities page, plus "Lambda Authorization" as the Amplify auth
  // transformer compares it (aws-amplify/amplify-category-api,
  // packages/amplify-graphql-auth-transformer/src/utils/constants.ts).
  it('names each authorization mode as AppSync does', () => {
    const host = createFakeHost();
    const util = createCoreUtil(host);
    const modes = ['AMAZON_COGNITO_USER_POOLS', 'API_KEY', 'AWS_IAM', 'AWS_LAMBDA', 'OPENID_CONNECT'] as const;
    expect(
      modes.map((mode) => {
        host.setAuthMode(mode);
        return util.authType();
      }),
    ).toEqual(['User Pool Authorization', 'API Key Authorization', 'IAM Authorization', 'Lambda Authorization', 'Open ID Connect Authorization']);
  });

  it('refuses to guess outside a request', () => {
    expect(() => createCoreUtil(createFakeHost()).authType()).toThrow('util.authType() has no authorization mode');
  });
});

describe('createCoreUtil', () => {
  it('has exactly the top-level functions of the @aws-appsync/utils Util type', () => {
    expect(Object.keys(createCoreUtil(createFakeHost())).sort()).toEqual(
      [
        'appendError', 'authType', 'autoId', 'autoKsuid', 'autoUlid', 'base64Decode', 'base64Encode',
        'error', 'escapeJavaScript', 'matches', 'unauthorized', 'urlDecode', 'urlEncode',
      ],
    );
  });
});
