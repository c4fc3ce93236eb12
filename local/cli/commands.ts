// The subcommands of `outpost`. Add a command by adding it here.
import type { Command } from './command';
import { evaluateCommand } from './evaluate-command';
import { startCommand } from './start-command';
import { ttlCommand } from './ttl-command';

export const COMMANDS: readonly Command[] = [startCommand, evaluateCommand, ttlCommand];
