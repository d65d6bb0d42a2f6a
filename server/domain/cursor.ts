// Keyset cursors: the last row's sort key and id, so the next page starts strictly after it.

export function encodeCursor(key: number, id: number): string {
  return `${key}.${id}`;
}

export function decodeCursor(cursor: string): { key: number; id: number } | null {
  const match = /^(-?\d{1,16})\.(\d{1,12})$/.exec(cursor);
  return match ? { key: Number(match[1]), id: Number(match[2]) } : null;
}
