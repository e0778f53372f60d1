import { describe, expect, it } from 'vitest';
import { NoticeBoard } from './notice-board';

describe('NoticeBoard', () => {
  it('keeps the newest notices, oldest first, up to its limit', () => {
    const board = new NoticeBoard(2);
    board.record({ level: 'info', message: 'a' }, 1);
    board.record({ level: 'warning', message: 'b' }, 2);
    board.record({ level: 'error', message: 'c' }, 3);
    expect(board.recent()).toEqual([
      { level: 'warning', message: 'b', at: 2 },
      { level: 'error', message: 'c', at: 3 },
    ]);
  });
});
