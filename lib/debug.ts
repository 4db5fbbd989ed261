// Debug mode: load(path, { debug: true }) or HPY_DEBUG=1. Handle misuse found during a call
// (a leak, closing twice, closing an argument, using a closed handle, returning one) is thrown
// at the end of that call as an HPyDebugError listing the problems.
export class HPyDebugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HPyDebugError';
  }
}
