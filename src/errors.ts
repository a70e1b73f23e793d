/**
 * The error catalogue. Every failure a user can meet has a stable name, says what happened
 * and why, and says what to do. `main` catches `WirecopyError` and maps it to an exit code;
 * anything else is a bug and prints its stack.
 */

/** 1: checks failed (a draft edited, data fails a gate); 2: usage or input error. */
export type ExitCode = 1 | 2;

export interface ErrorSpec {
  name: string;
  title: string;
  exitCode: ExitCode;
}

export class WirecopyError extends Error {
  readonly code: string;
  readonly title: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  /** Extra lines (one per problem) printed under the message. */
  readonly details: string[];

  constructor(
    spec: ErrorSpec,
    message: string,
    options: { hint?: string; details?: string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = spec.name;
    this.code = spec.name;
    this.title = spec.title;
    this.exitCode = spec.exitCode;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

const spec = (name: string, title: string, exitCode: ExitCode): ErrorSpec => ({ name, title, exitCode });

export const Errors = {
  Usage: spec('UsageError', 'The command line is not valid', 2),
  ConfigInvalid: spec('ConfigInvalid', 'The config file is not valid', 2),
  ConfigUnknownField: spec('ConfigUnknownField', 'The config file has a field wirecopy does not know', 2),
  ConfigHoldsSecret: spec('ConfigHoldsSecret', 'The config file holds an API key', 2),
  FileUnreadable: spec('FileUnreadable', 'A file could not be read', 2),
  // A write that cannot finish leaves its file as it was; the user must make room (or mend the
  // disk) before a rerun can pass, so it is 2, like a store that cannot be opened.
  DiskFull: spec('DiskFull', 'The disk is full', 2),
  WriteIncomplete: spec('WriteIncomplete', 'A file could not be written whole', 2),
  // The desk's notes fail closed: an entry that cannot be read holds its session (input error).
  NotesUnreadable: spec('NotesUnreadable', "The desk's notes could not be read", 2),
  ImportRejected: spec('ImportRejected', 'A file was not imported', 2),
  // A re-import that would change stored closes waits for the user's --replace: the file is not
  // wrong by itself, but only the user can say which of two versions is right (2, like a bad flag).
  ImportWouldReplace: spec('ImportWouldReplace', 'A file would change stored closes', 2),
  UndoRefused: spec('UndoRefused', 'The batch cannot be undone', 2),
  UnknownSymbol: spec('UnknownSymbol', 'A symbol is not configured', 2),
  StoreUnavailable: spec('StoreUnavailable', 'The market store could not be opened', 2),
  StoreSchemaNewer: spec('StoreSchemaNewer', 'The market store was written by a newer wirecopy', 2),
  StoreNotSqlite: spec('StoreNotSqlite', 'The market store is not a SQLite file', 2),
  StoreMissing: spec('StoreMissing', 'There is no market data to read', 2),
  // Another writer at work: nothing was changed, and running again once it is done passes (1).
  StoreBusy: spec('StoreBusy', 'The market store is busy', 1),
  NoData: spec('NoData', 'The store has no data for that request', 2),
  OutsideCalendar: spec('OutsideCalendar', 'The date is outside the trading calendar', 2),
  TemplateInvalid: spec('TemplateInvalid', 'A template does not match its view', 2),
  TemplateCheckFailed: spec('TemplateCheckFailed', 'Templates failed their check', 1),
  StyleFailed: spec('StyleFailed', 'Drafts broke the house style', 1),
  DraftEdited: spec('DraftEdited', 'A draft was edited by hand and was not overwritten', 1),
  DraftInvalid: spec('DraftInvalid', 'A draft file is not valid', 2),
  // Fetch errors. A request the user got wrong is a usage error (2); a provider that is down,
  // slow or refusing is outside the user's hands and usually passes, so it is 1, like a failed gate.
  FetchRequestInvalid: spec('FetchRequestInvalid', 'A fetch request is not valid', 2),
  FetchFailed: spec('FetchFailed', 'A data provider could not be reached', 1),
  FetchTimedOut: spec('FetchTimedOut', 'A data provider did not answer in time', 1),
  FetchStopped: spec('FetchStopped', 'The fetch ran out of time', 1),
  ProviderRefused: spec('ProviderRefused', 'A data provider refused the request', 1),
  PayloadInvalid: spec('PayloadInvalid', 'A data provider sent data that is not valid', 1),
  AnswerTooLarge: spec('AnswerTooLarge', 'A data provider sent an answer too large', 1),
  SessionNotClosed: spec('SessionNotClosed', 'The trading session has not closed yet', 2),
  // Review. A draft that fails its checks, or that approve refuses, is a failed gate (1).
  ReviewFailed: spec('ReviewFailed', 'A draft failed its review checks', 1),
  DemoNotApprovable: spec('DemoNotApprovable', 'A demo-data draft cannot be approved', 1),
  ArticleExists: spec('ArticleExists', 'An article with that name is already published', 1),
  NotADraft: spec('NotADraft', 'The file is not a draft', 2),
  ContentBusy: spec('ContentBusy', 'The content folder is busy', 1),
  // Newsletter. An issue with nothing in it or failing its checks is a failed gate (1); a send the
  // server refuses is outside the user's hands (1), like a provider that is down.
  ArticleInvalid: spec('ArticleInvalid', 'A published article is not valid', 2),
  NewsletterEmpty: spec('NewsletterEmpty', 'The newsletter issue has no articles', 1),
  NewsletterChecksFailed: spec('NewsletterChecksFailed', 'The newsletter failed its checks', 1),
  SmtpNotConfigured: spec('SmtpNotConfigured', 'Test sends are not configured', 2),
  SendFailed: spec('SendFailed', 'The test email was not sent', 1),
  // Fetch runs and the data-quality gate. Providers out of reach and data that fails its checks
  // are failed checks (1): the store is intact and the next run may pass.
  FetchIncomplete: spec('FetchIncomplete', 'Some series could not be fetched', 1),
  FetchedWithErrors: spec('FetchedWithErrors', 'Some series were fetched with errors', 1),
  NetworkUnreachable: spec('NetworkUnreachable', 'No data provider could be reached', 1),
  DataGateFailed: spec('DataGateFailed', 'The data failed its quality checks', 1),
  PreviewFailed: spec('PreviewFailed', 'The site preview could not run', 2),
} as const;

export function isWirecopyError(error: unknown): error is WirecopyError {
  return error instanceof WirecopyError;
}
