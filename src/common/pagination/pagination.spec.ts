import { AppError } from '../problem/app-error';
import { decodeCursor, encodeCursor, pageOf } from './pagination';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(40))).toBe(40);
    expect(decodeCursor(undefined)).toBe(0);
  });

  it('refuses a forged cursor with a field error', () => {
    expect(() => decodeCursor(Buffer.from('{"o":-3}').toString('base64url'))).toThrow(AppError);
    expect(() => decodeCursor('garbage')).toThrow(AppError);
  });

  it('offers a next cursor only when there is more', () => {
    expect(pageOf([1, 2, 3], 0, 2)).toEqual({ items: [1, 2], nextCursor: encodeCursor(2) });
    expect(pageOf([1, 2], 0, 2)).toEqual({ items: [1, 2], nextCursor: null });
  });
});
