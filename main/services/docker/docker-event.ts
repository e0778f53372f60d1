/** One message from Docker's event stream (`GET /events`), as the Engine sends it. */
export interface DockerEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope?: string;
  time: number;
  timeNano: number;
}

/** Splits a chunked newline-delimited JSON stream into events; malformed lines are reported, not thrown. */
export class EventLineParser {
  private buffer = '';

  constructor(
    private readonly onEvent: (event: DockerEvent) => void,
    private readonly onMalformed: (line: string) => void = () => {},
  ) {}

  push(chunk: Buffer | string): void {
    this.buffer += chunk.toString();
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line) this.parse(line);
      newline = this.buffer.indexOf('\n');
    }
    // Some daemons do not end the last object with a newline until the next one comes.
    const rest = this.buffer.trim();
    if (rest.startsWith('{') && rest.endsWith('}')) {
      try {
        const event = JSON.parse(rest) as DockerEvent;
        this.buffer = '';
        this.deliver(event);
      } catch {
        // Not complete yet.
      }
    }
  }

  private parse(line: string): void {
    try {
      this.deliver(JSON.parse(line) as DockerEvent);
    } catch {
      this.onMalformed(line.slice(0, 200));
    }
  }

  private deliver(event: DockerEvent): void {
    if (event && typeof event.Type === 'string' && typeof event.Action === 'string') {
      event.Actor = event.Actor ?? { ID: '', Attributes: {} };
      event.Actor.Attributes = event.Actor.Attributes ?? {};
      event.timeNano = typeof event.timeNano === 'number' ? event.timeNano : (event.time ?? 0) * 1e9;
      this.onEvent(event);
    } else {
      this.onMalformed(JSON.stringify(event).slice(0, 200));
    }
  }
}
