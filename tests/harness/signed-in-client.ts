// What whole-stack domain tests do again and again: make signed-in users of the stack's pool, and
// send GraphQL as one of them.
import type { StackUnderTest } from './local-stack';
import { ok, postGraphql, type GraphqlHttpResponse } from './graphql-http';
import { createTestUser, signIn, type TestUser } from './users';

export interface SignedInClient {
  /** A new user of the pool, signed in, whose profile row exists (their first `me` creates it). */
  signUp(username: string): Promise<TestUser>;
  /** The whole response to `query` sent with `user`'s ID token. */
  as(user: TestUser, query: string, variables?: Record<string, unknown>): Promise<GraphqlHttpResponse>;
  /** The data of a response that must have no errors; fails the test with the whole body otherwise. */
  data<T>(user: TestUser, query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function signedInClient(running: () => StackUnderTest): SignedInClient {
  const tokens = new Map<string, string>();
  const as = (user: TestUser, query: string, variables: Record<string, unknown> = {}) =>
    postGraphql(running().stack.urls.http, { query, variables }, { headers: { authorization: tokens.get(user.sub) ?? '' } });
  const data = async <T>(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await as(user, query, variables);
    expect(response).toEqual(ok({ data: expect.anything() }));
    return (response.body as { data: T }).data;
  };
  return {
    as,
    data,
    async signUp(username) {
      const { stack } = running();
      const user = await createTestUser(stack, username);
      tokens.set(user.sub, (await signIn(stack, user.username, user.password)).idToken);
      await data(user, 'query Me { me { id } }');
      return user;
    },
  };
}
