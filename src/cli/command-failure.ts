/**
 * The command was called rightly but could not do its work (no database, a repository Steward
 * does not hold, GitHub refused): reported in one line, exit code 1. Its message starts with the
 * command's name, like a UsageError's, so that runCli prints it as it is.
 */
export class CommandFailure extends Error {}
