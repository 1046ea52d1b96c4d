// Error classes shared by every layer. Exit codes follow nydusd: 0 ok, 1 runtime failure,
// 2 usage or configuration error. Commands map an error to its exit code through `exitCode`.

/** Base class: every error the project raises on purpose carries a code and an exit code. */
export class NydusError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(code: string, message: string, exitCode = 1, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** One problem found in a configuration: where (JSON pointer) and what was wrong. */
export interface ConfigProblem {
  /** JSON pointer of the offending value ("" is the document root). */
  pointer: string;
  /** What was expected and what was found. */
  message: string;
}

/** A configuration that cannot be used; lists every problem at once. Exit code 2. */
export class ConfigError extends NydusError {
  readonly problems: ConfigProblem[];
  readonly source?: string;

  constructor(problems: ConfigProblem[], source?: string) {
    const where = source ? `${source}: ` : '';
    const lines = problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`);
    super('ECONFIG', `${where}invalid configuration\n${lines.join('\n')}`, 2);
    this.problems = problems;
    this.source = source;
  }
}

/** A failure reported by the native core: an errno name plus the core's message. */
export class NativeError extends NydusError {
  readonly errno: number;

  constructor(errno: number, code: string, message: string) {
    super(code, message, 1);
    this.errno = errno;
  }
}
