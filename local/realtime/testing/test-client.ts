// A raw `ws` client for tests: it queues every frame the server sends and hands them out in order.
import { WebSocket } from 'ws';

export type Frame = Record<string, unknown>;

/** The server did not send the frame a test waited for. */
export class FrameTimeoutError extends Error {
  constructor(waitedMs: number, seen: readonly Frame[]) {
    super(`No frame within ${waitedMs} ms; already received: ${JSON.stringify(seen)}`);
    this.name = 'FrameTimeoutError';
  }
}

export class TestClient {
  private readonly frames: Frame[] = [];
  private readonly waiters: ((frame: Frame) => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a connection and waits until it is open. */
  static async connect(url: string, protocols: readonly string[]): Promise<TestClient> {
    const socket = new WebSocket(url, [...protocols]);
    const client = new TestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next frame, keep-alives included. */
  next(timeoutMs = 2000): Promise<Frame> {
    const queued = this.frames.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new FrameTimeoutError(timeoutMs, this.frames));
      }, timeoutMs);
      const waiter = (frame: Frame): void => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push(waiter);
    });
  }

  /** The next frame that is not a `ka`. */
  async nextMessage(timeoutMs = 2000): Promise<Frame> {
    for (;;) {
      const frame = await this.next(timeoutMs);
      if (frame.type !== 'ka') return frame;
    }
  }

  async close(): Promise<void> {
    if (this.socket.readyState !== this.socket.CLOSED) this.socket.close();
    await this.closed;
  }
}

/** Base64 of a JSON header, as the `header` query parameter carries it. */
export function encodeHeader(headers: Record<string, string>): string {
  return Buffer.from(JSON.stringify(headers)).toString('base64');
}

/** The `header-…` subprotocol Amplify v6 offers: unpadded base64url. */
export function headerProtocol(headers: Record<string, string>): string {
  return `header-${Buffer.from(JSON.stringify(headers)).toString('base64url')}`;
}
