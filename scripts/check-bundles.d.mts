/** Every lookbehind in a script's text, with a little context around it. */
export function lookbehinds(text: string): string[];
