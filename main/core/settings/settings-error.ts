/**
 * The one error the settings service and board files throw for bad input: its message is written
 * for the person who typed the input and names the field at fault, so hosts can show it verbatim.
 */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}
