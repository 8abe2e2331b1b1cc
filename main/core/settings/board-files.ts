import type { Board } from '../../../contract/board';
import { describeIssue } from '../../../contract/describe-issue';
import {
  BOARD_FILE_FORMAT,
  BoardFileSchema,
  SettingsSchema,
  type BoardFile,
  type Settings,
} from '../../../contract/settings';
import { BOARDS_FILE_FORMAT, BoardsFileSchema, type BoardsFile } from '../../../contract/board-source';
import { boardOverlap, firstOverlapIn } from '../../../contract/layout';
import { readJsonText } from '../json-text';
import { assertNoSecrets } from './secret-guard';
import { SettingsError } from './settings-error';

/**
 * Board files: one board exported to share between installs (or keep under version control), and
 * imported back. Import is pure: it returns new settings for the caller to save and leaves the given
 * settings untouched, so a bad file can never damage what is already configured.
 */

export interface ImportOptions {
  /** Replace a board with the same id instead of adding the import under a fresh id. */
  replace?: boolean;
}

const MAX_ID_LENGTH = 63;

export function exportBoard(settings: Settings, boardId: string): string {
  const board = settings.boards.find((candidate) => candidate.id === boardId);
  if (!board) throw new SettingsError(`Not exported: there is no board with id "${boardId}"`);
  const file: BoardFile = { format: BOARD_FILE_FORMAT, version: 1, board };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function importBoard(settings: Settings, json: string, options: ImportOptions = {}): Settings {
  const board = readBoardFile(json);
  const clash = settings.boards.findIndex((existing) => existing.id === board.id);
  let boards: Board[];
  if (clash < 0) boards = [...settings.boards, board];
  else if (options.replace)
    boards = settings.boards.map((existing, index) => (index === clash ? board : existing));
  else boards = [...settings.boards, { ...board, id: freshId(board.id, settings.boards) }];
  const parsed = SettingsSchema.safeParse({ ...settings, boards });
  if (!parsed.success) throw new SettingsError(`Not imported: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/** Every board and the pinned strip in one file, to host at a URL a fleet of screens follows. */
export function exportBoards(settings: Settings): string {
  const file: BoardsFile = {
    format: BOARDS_FILE_FORMAT,
    version: 1,
    boards: settings.boards,
    pinned: settings.pinned,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parse and validate a board file; every refusal says where the problem is. */
export function readBoardFile(json: string): Board {
  const document = readDocument(json, 'Not imported', 'board file');
  const parsed = BoardFileSchema.safeParse(document);
  if (!parsed.success) throw new SettingsError(`Not imported: ${describeIssue(parsed.error)}`);
  const overlap = boardOverlap(parsed.data.board, 'board');
  if (overlap) throw new SettingsError(`Not imported: ${overlap}`);
  return parsed.data.board;
}

/**
 * A file a fleet follows: a boards file (every board, and the pinned strip if it names one), or a
 * single board's file (that board alone). `pinned` is undefined when the file does not say.
 */
export function readBoardsFile(json: string): { boards: Board[]; pinned: Board | null | undefined } {
  const document = readDocument(json, 'Not applied', 'boards file');
  const format = (document as { format?: unknown }).format;
  if (format === BOARD_FILE_FORMAT) {
    const single = BoardFileSchema.safeParse(document);
    if (!single.success) throw new SettingsError(`Not applied: ${describeIssue(single.error)}`);
    const overlap = boardOverlap(single.data.board, 'board');
    if (overlap) throw new SettingsError(`Not applied: ${overlap}`);
    return { boards: [single.data.board], pinned: undefined };
  }
  const parsed = BoardsFileSchema.safeParse(document);
  if (!parsed.success) throw new SettingsError(`Not applied: ${describeIssue(parsed.error)}`);
  const { boards, pinned } = parsed.data;
  const overlap = firstOverlapIn({ boards, pinned });
  if (overlap) throw new SettingsError(`Not applied: ${overlap}`);
  return { boards, pinned };
}

function readDocument(json: string, refusal: string, what: string): object {
  const read = readJsonText(json);
  if (!read.ok) throw new SettingsError(`${refusal}: the ${what} is not valid JSON (${read.problem})`);
  const document = read.value;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new SettingsError(
      `${refusal}: a ${what} holds a JSON object with "format": "${what === 'board file' ? BOARD_FILE_FORMAT : BOARDS_FILE_FORMAT}"`,
    );
  }
  assertNoSecrets(document, refusal);
  return document;
}

/** `<id>-2`, `<id>-3`, … : the first that no board uses, shortened to stay a valid id. */
function freshId(id: string, boards: readonly Board[]): string {
  const taken = new Set(boards.map((board) => board.id));
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
