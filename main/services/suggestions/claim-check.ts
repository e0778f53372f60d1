import type { ClaimFlag } from '../../contract/suggestions';
import type { Demo } from '../demos/demo-schema';
import type { ProseLine } from './note-outline';

/** Flags note sentences that state a misconception a demo corrects. */
export class ClaimChecker {
  constructor(private readonly demos: readonly Demo[]) {}

  /** Flags for the prose lines of one note, in line order. */
  check(prose: readonly ProseLine[]): ClaimFlag[] {
    void prose;
    void this.demos;
    return [];
  }
}
