/**
 * How the names staff type in "Lead" and "Supported by" are matched to the Staff tab: a list of
 * names split on commas, semicolons, "and" or "&", each compared ignoring a trailing "(role)",
 * case, extra spaces and accents ("Sam Okonjo-Reed (TA)" is Sam Okonjo-Reed; "Zoë" is "Zoe").
 */

export function splitStaffNames(text: string): string[] {
  return text
    .split(/[,;\n&/]|\band\b/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function staffNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
