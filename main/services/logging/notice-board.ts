import type { Notice } from '../../contract/system';

/** A notice with the time it was raised. */
export type DatedNotice = Notice & { at: number };

/**
 * The notices raised since Berth started, newest last and bounded. Hosts record notices that
 * happen before any window listens (e.g. a settings file moved aside at start), so the UI can
 * ask for them: events invalidate, queries are the truth.
 */
export class NoticeBoard {
  private readonly notices: DatedNotice[] = [];

  constructor(private readonly limit = 50) {}

  record(notice: Notice, at = Date.now()): void {
    this.notices.push({ ...notice, at });
    if (this.notices.length > this.limit) this.notices.splice(0, this.notices.length - this.limit);
  }

  recent(): DatedNotice[] {
    return [...this.notices];
  }
}
