import { readFile } from 'node:fs/promises';
import { parseCallLines, type CompiledCall } from './data/calls';
import { DirectorySchema, type DirectoryData } from './data/directory';
import { errorText } from '../contract/error-text';

/** Read the directory and call files of DESIGN.md §4, with errors that name the file, line and field. */

export async function loadDirectoryFile(path: string): Promise<DirectoryData> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${errorText(error)})`, { cause: error });
  }
  const parsed = DirectorySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

export async function loadCallsFile(path: string): Promise<CompiledCall[]> {
  return parseCallLines(await readFile(path, 'utf8'), path);
}
