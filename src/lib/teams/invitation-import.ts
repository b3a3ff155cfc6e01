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

/** Splits the text into rows. Accepts comma, semicolon (Dutch Excel) or tab, with or without a header. */
export function parseImportText(text: string): { rows: ImportRow[]; tooMany: boolean } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim(), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  let data = parsed.data.map((cells, index) => ({ cells: cells.map((c) => String(c ?? '').trim()), line: index + 1 }));
  if (data.length > 0 && data[0].cells.some((c) => HEADER_WORDS.test(c))) data = data.slice(1);
  const rows = data.slice(0, MAX_IMPORT_ROWS).map(({ cells, line }) => {
    // A single column holding only an address is allowed: "naam" then comes from the invitee.
    if (cells.length === 1 && cells[0].includes('@')) return { line, name: '', email: cells[0], team: '' };
    return { line, name: cells[0] ?? '', email: cells[1] ?? '', team: cells[2] ?? '' };
  });
  return { rows, tooMany: data.length > MAX_IMPORT_ROWS };
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
