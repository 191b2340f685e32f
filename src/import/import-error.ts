/** Why a plan file could not be imported, with one message for users in Vietnamese and one in English. */

export type ImportErrorCode =
  'empty' | 'binary' | 'unsupported-type' | 'unreadable' | 'no-items' | 'unread-table' | 'unknown-org';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    /** English, for logs and English-speaking operators. */
    message: string,
    /** Vietnamese, for the secretary who sent the file. */
    readonly messageVi: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** One line for a CLI: "Vietnamese message / English message". */
  describe(): string {
    return `${this.messageVi} / ${this.message}`;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
