// The bar above GraphiQL: pick how requests authenticate, and sign in as a demo user.
import { createElement as h, useState } from 'react';
import type { ChangeEvent, FormEvent, ReactElement } from 'react';
import type { ExplorerConfig } from '../explorer-config';
import { valueOf } from './browser';
import { initiateAuth, SignInError } from './initiate-auth';
import type { SignedInSession } from './initiate-auth';

export type AuthMode = 'userPool' | 'apiKey' | 'none';

export interface AuthBarProps {
  readonly config: ExplorerConfig;
  readonly mode: AuthMode;
  readonly session: SignedInSession | undefined;
  readonly onModeChange: (mode: AuthMode) => void;
  readonly onSession: (session: SignedInSession | undefined) => void;
}

type Status = { readonly state: 'idle' | 'pending' | 'signed-in' | 'error'; readonly text: string };

function modeSelect({ config, mode, session, onModeChange }: AuthBarProps): ReactElement {
  return h(
    'label',
    null,
    'Auth ',
    h(
      'select',
      { 'aria-label': 'Auth mode', value: mode, onChange: (event: ChangeEvent) => onModeChange(valueOf(event) as AuthMode) },
      config.userPool && h('option', { value: 'userPool', disabled: session === undefined }, 'Cognito user pool'),
      config.apiKey !== undefined && h('option', { value: 'apiKey' }, 'API key'),
      h('option', { value: 'none' }, 'None'),
    ),
  );
}

export function AuthBar(props: AuthBarProps): ReactElement {
  const { config, session, onSession } = props;
  const firstUser = config.demoUsers[0];
  const [username, setUsername] = useState(firstUser?.username ?? '');
  const [password, setPassword] = useState(firstUser?.password ?? '');
  const [status, setStatus] = useState<Status>({ state: 'idle', text: '' });
  const userPool = config.userPool;

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    if (userPool === undefined) return;
    setStatus({ state: 'pending', text: 'Signing in…' });
    initiateAuth(userPool.endpoint, userPool.clientId, username, password).then(
      (signedIn) => {
        setStatus({ state: 'signed-in', text: `Signed in as ${signedIn.username}` });
        onSession(signedIn);
      },
      (error: unknown) => {
        setStatus({ state: 'error', text: error instanceof SignInError ? error.message : `Sign-in failed: ${String(error)}` });
        onSession(undefined);
      },
    );
  };

  const pickDemoUser = (event: ChangeEvent) => {
    const picked = config.demoUsers.find((user) => user.username === valueOf(event));
    if (picked === undefined) return;
    setUsername(picked.username);
    setPassword(picked.password);
  };

  const signInForm =
    userPool &&
    h(
      'form',
      { onSubmit: signIn, 'aria-label': 'Sign in' },
      config.demoUsers.length > 0 &&
        h(
          'select',
          { 'aria-label': 'Demo user', value: username, onChange: pickDemoUser },
          config.demoUsers.map((user) =>
            h('option', { key: user.username, value: user.username }, user.groups.length > 0 ? `${user.username} (${user.groups.join(', ')})` : user.username),
          ),
          config.demoUsers.every((user) => user.username !== username) && h('option', { value: username }, username || 'other user'),
        ),
      h('input', {
        'aria-label': 'Username',
        placeholder: 'username',
        autoComplete: 'username',
        value: username,
        onChange: (event) => setUsername(valueOf(event)),
      }),
      h('input', {
        'aria-label': 'Password',
        placeholder: 'password',
        type: 'password',
        autoComplete: 'current-password',
        value: password,
        onChange: (event) => setPassword(valueOf(event)),
      }),
      h('button', { type: 'submit', disabled: status.state === 'pending' }, 'Sign in'),
      session &&
        h(
          'button',
          {
            type: 'button',
            onClick: () => {
              onSession(undefined);
              setStatus({ state: 'idle', text: '' });
            },
          },
          'Sign out',
        ),
    );

  return h(
    'header',
    { className: 'outpost-auth-bar' },
    h('h1', null, 'Outpost Local'),
    modeSelect(props),
    signInForm,
    h('span', { className: 'outpost-status', role: 'status', 'data-state': status.state }, status.text),
  );
}
