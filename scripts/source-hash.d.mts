export function sourceHash(root: string): string | null;
export function codeVersionOf(root: string): string | null;
