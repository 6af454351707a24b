/** A field's path under an entry's path ("" for a form that is the entry itself). */
export function at(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
