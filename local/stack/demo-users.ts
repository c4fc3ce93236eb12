// The users every local stack starts with, so a developer can sign in at once. The passwords are
// public by design: they exist only in cognito-local on this machine.
import type { DemoUser } from '../appsync/outputs';

export interface DemoUserProfile extends DemoUser {
  readonly handle: string;
  readonly displayName: string;
}

export const DEMO_USERS: readonly DemoUserProfile[] = [
  { username: 'alice@example.com', password: 'Outpost-Demo-1', groups: [], handle: 'alice', displayName: 'Alice Demo' },
  { username: 'bob@example.com', password: 'Outpost-Demo-1', groups: [], handle: 'bob', displayName: 'Bob Demo' },
  { username: 'admin@example.com', password: 'Outpost-Admin-1', groups: ['ADMINS'], handle: 'admin', displayName: 'Outpost Admin' },
];
