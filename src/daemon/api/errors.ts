// Daemon API layer: the failures a DaemonApiHandler reports. The router renders one as
// {"code":"UNDEFINED","message":"<Family>(<inner>)"} with its status (spec api.md §2.2);
// `inner` is the Rust-Debug-style rendering of nydusd's error, e.g. DaemonAbnormal(NotReady).

/** Renders a string as Rust's Debug does: double quotes, `"` and `\` backslash-escaped. */
export function q(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A failure the API renders as {"code":"UNDEFINED","message":"<Family>(<inner>)"}. */
export class ApiFailure extends Error {
  /**
   * @param status HTTP status of the response.
   * @param inner the message below the endpoint family, e.g. `DaemonAbnormal(NotReady)`.
   * @param bare render `inner` alone, without the family (request-shape errors: `BadRequest`).
   */
  constructor(
    readonly status: number,
    readonly inner: string,
    readonly bare = false,
  ) {
    super(inner);
    this.name = 'ApiFailure';
  }

  /** The `message` member of the error body for an endpoint of `family`. */
  render(family: string): string {
    return this.bare ? this.inner : `${family}(${this.inner})`;
  }
}

export type MachineEvent = 'Start' | 'Stop' | 'Exit' | 'Takeover' | 'Mount';

/** Every failure of spec api.md §2.2, by kind. */
export const failures = {
  notReady: () => new ApiFailure(503, 'DaemonAbnormal(NotReady)'),
  unsupported: () => new ApiFailure(501, 'DaemonAbnormal(Unsupported)'),
  unexpectedEvent: (ev: MachineEvent) => new ApiFailure(400, `DaemonAbnormal(UnexpectedEvent(${q(ev)}))`),
  upgradeManager: (detail: string) => new ApiFailure(500, `DaemonAbnormal(UpgradeManager(${q(detail)}))`),
  daemonOther: (detail: string) => new ApiFailure(500, `DaemonAbnormal(Other(${q(detail)}))`),
  channelClosed: () => new ApiFailure(500, 'DaemonAbnormal(Other("state machine stopped"))'),
  mountOther: (detail: string) => new ApiFailure(500, `MountFilesystem(Other(${q(detail)}))`),
  mountUnsupported: () => new ApiFailure(501, 'MountFilesystem(Unsupported)'),
  noCounter: () => new ApiFailure(404, 'Metrics(Stats(NoCounter))'),
  metricsDaemon: (detail: string) => new ApiFailure(500, `Metrics(Daemon(Other(${q(detail)})))`),
  payloadType: () => new ApiFailure(500, 'ResponsePayloadType'),
  /** Request-shape error, rendered without family: bad method/body, invalid blob entry (api.md §4.8 "prepare"). */
  badRequest: () => new ApiFailure(400, 'BadRequest', true),
};
