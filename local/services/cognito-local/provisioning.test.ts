// The ensure* helpers against a running cognito-local, through the real AWS SDK client.
import { AdminListGroupsForUserCommand, CreateUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { localCognitoClient } from './client';
import { createUser } from './create-user';
import { ensureGroup } from './ensure-group';
import { ensureUserPool } from './ensure-user-pool';
import { AmbiguousUserPoolError } from './errors';
import { startCognitoLocal, type CognitoLocalHandle } from './service';

describe('provisioning helpers', () => {
  let dataDir: string;
  let handle: CognitoLocalHandle;
  let client: CognitoIdentityProviderClient;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'outpost-cognito-'));
    handle = await startCognitoLocal({ dataDir, log: () => undefined });
    client = localCognitoClient(handle.endpoint);
  });
  afterAll(async () => {
    client?.destroy();
    await handle?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to guess between two pools with the same name', async () => {
    const ids: string[] = [];
    for (let copy = 0; copy < 2; copy += 1) {
      const created = await client.send(new CreateUserPoolCommand({ PoolName: 'twins' }));
      ids.push(created.UserPool?.Id as string);
    }
    const error = await ensureUserPool(client, { name: 'twins' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousUserPoolError);
    const { name, poolName, userPoolIds, message } = error as AmbiguousUserPoolError;
    expect({ name, poolName, userPoolIds: [...userPoolIds].sort(), message }).toEqual({
      name: 'AmbiguousUserPoolError',
      poolName: 'twins',
      userPoolIds: [...ids].sort(),
      message: `cognito-local holds 2 user pools named "twins" (${userPoolIds.join(', ')}); Outpost Local finds pools by name, so delete the extra pools or the data folder.`,
    });
  });

  it('leaves an existing user as it is, and adds it to groups it is missing', async () => {
    const { userPoolId } = await ensureUserPool(client, { name: 'seeded' });
    await ensureGroup(client, { userPoolId, name: 'EDITORS' });
    await ensureGroup(client, { userPoolId, name: 'VIEWERS' });
    const spec = { userPoolId, username: 'lin', password: 'Seedling1x!', attributes: { email: 'lin@example.com' }, groups: ['EDITORS'] };
    const first = await createUser(client, spec);
    const second = await createUser(client, { ...spec, password: 'Different1x!', groups: ['EDITORS', 'VIEWERS'] });
    const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: 'lin' }));
    expect({ first, second, groups: groups.Groups?.map((group) => group.GroupName) }).toEqual({
      first: { username: 'lin', sub: expect.any(String), created: true },
      second: { username: 'lin', sub: first.sub, created: false },
      groups: ['EDITORS', 'VIEWERS'],
    });
  });
});
