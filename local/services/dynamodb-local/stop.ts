// Ends a child process by its pid: SIGTERM, then SIGKILL if it outlives the grace period.
import type { RunningChild } from './child';

/** Sends a signal by pid; a process that is already gone is not an error. */
export function signalProcess(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    // ESRCH: it exited between our check and the signal, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export async function stopChild(child: RunningChild, graceMs: number): Promise<void> {
  if (child.hasExited() || child.pid < 0) {
    await child.exited;
    return;
  }
  signalProcess(child.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([child.exited, graceOver]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    signalProcess(child.pid, 'SIGKILL');
    await child.exited;
  }
}
