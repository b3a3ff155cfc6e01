// Reading a pasted list or CSV of colleagues to invite: name, work e-mail, team. Every row is
// checked before anything is written, so the trainer sees which rows are wrong and why.
import Papa from 'papaparse';
import { z } from 'astro/zod';

export const MAX_IMPORT_ROWS = 500;

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  team: string;
}

export type CheckedRow = (ImportRow & { ok: true; teamId: string }) | (ImportRow & { ok: false; problems: string[] });

const emailSchema = z.email();
const HEADER_WORDS = /^(naam|name|e-?mail|werk-?e-?mail|e-?mailadres|team)$/i;

/** Several sources (a pasted list and a file) parsed one by one, numbered on. Each may use its own delimiter. */
export function parseImportSources(sources: string[]): { rows: ImportRow[]; tooMany: boolean } {
  const rows: ImportRow[] = [];
  let tooMany = false;
  for (const source of sources.filter((s) => s.trim())) {
    const parsed = parseImportText(source);
    tooMany ||= parsed.tooMany;
    const offset = rows.length;
    rows.push(...parsed.rows.map((row, index) => ({ ...row, line: offset + index + 1 })));
  }
  return { rows: rows.slice(0, MAX_IMPORT_ROWS), tooMany: tooMany || rows.length > MAX_IMPORT_ROWS };
}

/**
 * Splits the text into rows, one per line. Accepts comma, semicolon (Dutch Excel) or tab, with or
 * without a header; each line may use its own (see splitLine).
 */
export function parseImportText(text: string): { rows: ImportRow[]; tooMany: boolean } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '');
  let data = lines.map((line, index) => ({ cells: splitLine(line), line: index + 1 }));
  if (data.length > 0 && data[0].cells.some((c) => HEADER_WORDS.test(c))) data = data.slice(1);
  const rows = data.slice(0, MAX_IMPORT_ROWS).map(({ cells, line }) => {
    // A single column holding only an address is allowed: "naam" then comes from the invitee.
    if (cells.length === 1 && cells[0].includes('@')) return { line, name: '', email: cells[0], team: '' };
    return { line, name: cells[0] ?? '', email: cells[1] ?? '', team: cells[2] ?? '' };
  });
  return { rows, tooMany: data.length > MAX_IMPORT_ROWS };
}

/** The separators a line may use, in the order they are tried. */
const SEPARATORS = ['\t', ';', ','] as const;
const LOOKS_LIKE_ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * One line into its cells, with the separator that line uses: a pasted list may mix them (lines
 * copied from different places), and the help text says any of them is fine. The first separator
 * that puts an address in the address column wins, so "Vries, Anna;anna@…" splits at the
 * semicolon and a quoted "Bakker; Bob",bob@… at the comma. A line without one (a wrong or missing
 * address, to be shown as such) splits at the first separator it contains.
 */
function splitLine(line: string): string[] {
  let fallback: string[] | undefined;
  for (const delimiter of SEPARATORS) {
    if (!line.includes(delimiter)) continue;
    const parsed = Papa.parse<string[]>(line, { delimiter });
    const cells = (parsed.data[0] ?? []).map((cell) => String(cell ?? '').trim());
    if (parsed.errors.length === 0 && LOOKS_LIKE_ADDRESS.test(cells[1] ?? '')) return cells;
    fallback ??= cells;
  }
  return fallback ?? Papa.parse<string[]>(line).data[0]?.map((cell) => String(cell ?? '').trim()) ?? [line.trim()];
}

/**
 * Checks each row against the rules and the teams the trainer may manage. Whether an address
 * already has an account is deliberately not looked at: the preview must answer the same for
 * new and existing addresses (issue 13), and both get an invitation.
 */
export function checkImportRows(rows: ImportRow[], context: { defaultTeamId: string; managedTeams: { id: string; name: string }[] }): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const problems: string[] = [];
    const email = row.email.toLowerCase();
    if (!row.email) problems.push('e-mailadres ontbreekt');
    else if (!emailSchema.safeParse(email).success) problems.push(`"${row.email}" is geen geldig e-mailadres`);
    if (row.name && (row.name.length < 2 || row.name.length > 100)) problems.push('naam moet 2 tot 100 tekens zijn');
    const firstLine = seen.get(email);
    if (email && firstLine !== undefined) problems.push(`staat al op regel ${firstLine}`);
    if (email) seen.set(email, row.line);
    let teamId = context.defaultTeamId;
    if (row.team) {
      const team = context.managedTeams.find((t) => t.name.toLowerCase() === row.team.toLowerCase());
      if (team) teamId = team.id;
      else problems.push(`team "${row.team}" bestaat niet of je beheert het niet`);
    }
    if (problems.length > 0) return { ...row, email, ok: false, problems };
    return { ...row, email, ok: true, teamId };
  });
}
