// Containment of URIs given as `Uri.toString()` forms, for file watchers that report folders.

/** Whether `uri` is strictly inside the folder `folder` (both as `Uri.toString()` forms). */
export function isInside(uri: string, folder: string): boolean {
  return uri !== folder && uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/**
 * Whether `uri` (a `Uri.toString()` form) is strictly inside one of `folders` (the same forms): one look
 * per level of its path, however many folders there are.
 */
export function isInsideAny(uri: string, folders: ReadonlySet<string>): boolean {
  const root = uri.indexOf('//') + 2;
  for (let slash = uri.lastIndexOf('/'); slash > root; slash = uri.lastIndexOf('/', slash - 1)) {
    if (folders.has(uri.slice(0, slash))) return true;
  }
  return false;
}
