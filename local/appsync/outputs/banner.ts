// The lines `npm start` prints once Outpost Local answers: everything a developer needs to point an
// app, a simulator or a browser at it, aligned so it reads at a glance.
import type { DemoUser } from './amplify-outputs';

export interface ReadyBannerInput {
  readonly httpsUrl: string;
  readonly httpUrl: string;
  readonly realtimeUrls: readonly string[];
  readonly explorerUrl: string;
  /** Omitted when the API has no user pool. */
  readonly userPoolEndpoint?: string;
  readonly demoUsers: readonly DemoUser[];
  /** Omitted when the API has no API_KEY auth mode. */
  readonly apiKey?: string;
  readonly outputsPath: string;
  readonly caPath: string;
  readonly startupMs: number;
}

const LABEL_WIDTH = 12;

function row(label: string, values: readonly string[]): string[] {
  return values.map((value, index) => `  ${(index === 0 ? label : '').padEnd(LABEL_WIDTH)}${value}`);
}

function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

function demoUserLine(user: DemoUser): string {
  const groups = user.groups.length > 0 ? `  (${user.groups.join(', ')})` : '';
  return `${user.username} / ${user.password}${groups}`;
}

export function formatReadyBanner(input: ReadyBannerInput): string {
  const lines = [
    `Outpost Local is ready in ${formatDuration(input.startupMs)}`,
    '',
    ...row('GraphQL', [input.httpsUrl, input.httpUrl]),
    ...row('Real-time', input.realtimeUrls),
    ...row('Explorer', [input.explorerUrl]),
    ...(input.userPoolEndpoint !== undefined ? row('User pool', [input.userPoolEndpoint]) : []),
    ...(input.apiKey !== undefined ? row('API key', [input.apiKey]) : []),
    ...row('Demo users', input.demoUsers.length > 0 ? input.demoUsers.map(demoUserLine) : ['none']),
    ...row('Outputs', [input.outputsPath]),
    ...row('Local CA', [input.caPath, 'trust it on devices and simulators to use https:// and wss://']),
    '',
    'Press Ctrl+C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}
