// The subcommands of `outpost`. Add a command by adding it here.
import type { Command } from './command';
import { evaluateCommand } from './evaluate-command';

export const COMMANDS: readonly Command[] = [evaluateCommand];
