// Finds the group in its pool, or creates it. Group names are unique per pool, so no lookup table is needed.
import {
  CreateGroupCommand,
  ListGroupsCommand,
  type CognitoIdentityProviderClient,
  type GroupType,
} from '@aws-sdk/client-cognito-identity-provider';

export interface GroupSpec {
  userPoolId: string;
  name: string;
  description?: string;
  precedence?: number;
}

export interface EnsuredGroup {
  groupName: string;
  created: boolean;
}

// ListGroups rather than GetGroup: cognito-local 5.3 answers GetGroup with a 500, not
// ResourceNotFoundException, while a pool has no groups at all.
async function listAllGroups(client: CognitoIdentityProviderClient, userPoolId: string): Promise<GroupType[]> {
  const groups: GroupType[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60, NextToken: nextToken }));
    groups.push(...(page.Groups ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return groups;
}

export async function ensureGroup(client: CognitoIdentityProviderClient, spec: GroupSpec): Promise<EnsuredGroup> {
  const groups = await listAllGroups(client, spec.userPoolId);
  if (groups.some((group) => group.GroupName === spec.name)) return { groupName: spec.name, created: false };
  await client.send(
    new CreateGroupCommand({
      UserPoolId: spec.userPoolId,
      GroupName: spec.name,
      Description: spec.description,
      Precedence: spec.precedence,
    }),
  );
  return { groupName: spec.name, created: true };
}
