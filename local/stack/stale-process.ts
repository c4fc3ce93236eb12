// A child that outlived its parent: if Outpost Local is killed with SIGKILL, DynamoDB Local's JVM
// keeps running and keeps its database file open. The next start finds it by its pid file and ends
// it, but only when that pid still runs the same program, so an unrelated process is never touched.
import * as fs from 'node:fs';
import { isProcessAlive } from '../services/process-alive';

function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Ends the process named in `pidFile` if its command line still contains `marker`; waits until it is gone. */
export async function endStaleProcess(pidFile: string, marker: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  const command = commandLine(pid);
  if (command === undefined || !command.includes(marker)) return;
  log(`found ${marker} (pid ${pid}) left running by an earlier start; stopping it`);
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 10_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

export function writePidFile(pidFile: string, pid: number): void {
  fs.writeFileSync(pidFile, `${pid}\n`);
}
