// A deterministic SandboxHost for unit tests of the util factories: a fixed clock that tests may
// move, a predictable byte stream for randomness, and a fresh evaluation state.
import { freshEvalState, type AuthMode, type Bridge, type EvalState, type SandboxHost } from '../../host';

export interface FakeHost extends SandboxHost {
  /** Moves the fixed clock. */
  setNow(epochMillis: number): void;
  /** Replaces the random byte stream: each randomHex call consumes bytes from it in order. */
  setRandomBytes(bytes: number[]): void;
  setAuthMode(mode: AuthMode | undefined): void;
}

export interface FakeHostOptions {
  now?: number;
  xmlToJson?: Bridge['xmlToJson'];
}

/** 2018-02-06T19:01:35.749Z: the instant of AppSync's own util.time examples. */
export const FAKE_NOW = 1517943695749;

export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  let now = options.now ?? FAKE_NOW;
  // By default byte i of the stream is i % 256, so every call is predictable.
  let stream: number[] | undefined;
  let cursor = 0;
  const state: EvalState = freshEvalState(undefined);
  const nextByte = (): number => {
    const byte = stream ? stream[cursor % stream.length] : cursor % 256;
    cursor += 1;
    return byte;
  };
  return {
    bridge: {
      now: () => now,
      randomHex: (byteCount) =>
        Array.from({ length: byteCount }, () => nextByte().toString(16).padStart(2, '0')).join(''),
      regexTest: (source, flags, value) => new RegExp(source, flags).test(value),
      xmlToJson:
        options.xmlToJson ??
        (() => {
          throw new Error('this fake host has no XML bridge');
        }),
    },
    state: () => state,
    setNow: (epochMillis) => {
      now = epochMillis;
    },
    setRandomBytes: (bytes) => {
      stream = bytes;
      cursor = 0;
    },
    setAuthMode: (mode) => {
      state.authMode = mode;
    },
  };
}
