// CLI layer: how a command reports one of the project's errors on stderr (one line, no stack).
import { NativeError, type NydusError } from '../errors.js';

export function nydusErrorText(err: NydusError): string {
  return `nydus: ${err.message}${err instanceof NativeError ? ` (${err.code})` : ''}\n`;
}
