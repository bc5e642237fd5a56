/** What a command may touch: output streams, the working directory and terminal facts. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether to colour output (a terminal without NO_COLOR). */
  readonly color: boolean;
  /** Terminal width for wrapping. */
  readonly columns: number;
  /** Resolves when a long-running command (serve) should stop: SIGINT/SIGTERM in a real process. */
  readonly stop?: Promise<void>;
}

/**
 * Exit codes: 0 no errors, 1 the plans have errors, 2 a file or the command line is unusable,
 * 3 an unexpected internal error (a bug: please report it with the message).
 */
export const EXIT = { ok: 0, findings: 1, unusable: 2, internal: 3 } as const;

/** An input problem that stops a command with exit code 2 (file unreadable, not a plan, bad option). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
