// A mistake in how a command was called: reported with a hint and exit status 2.
export class UsageError extends Error {
  override name = 'UsageError';
}
