// The daemon's event ring (GET /api/v1/daemon/events, api.md §4.9): recent significant
// errors as `<IMF-fixdate> - <text>`, the oldest evicted beyond max_errors or max_size bytes.

export interface EventsBody {
  max_errors: number;
  total_errors: number;
  max_size: number;
  total_size: number;
  errors: string[];
}

export class EventRing {
  private readonly errors: string[] = [];
  private size = 0;
  private total = 0;

  constructor(
    readonly maxErrors = 500,
    readonly maxSize = 51200,
  ) {}

  record(text: string): void {
    const entry = `${new Date().toUTCString()} - ${text}`;
    this.errors.push(entry);
    this.size += Buffer.byteLength(entry);
    this.total += 1;
    while (this.errors.length > this.maxErrors || (this.size > this.maxSize && this.errors.length > 0)) {
      this.size -= Buffer.byteLength(this.errors.shift() as string);
    }
  }

  body(): EventsBody {
    return { max_errors: this.maxErrors, total_errors: this.total, max_size: this.maxSize, total_size: this.size, errors: [...this.errors] };
  }
}
