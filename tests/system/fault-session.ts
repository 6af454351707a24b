import { AsyncLocalStorage } from "node:async_hooks";

// Which accountant an action call in a fault test is made by: the test runs the real server
// actions of several people at once, and the mocked session lookup (fault-db-restart.test.ts)
// reads the session id of the call it serves from here.
export const callerSession = new AsyncLocalStorage<string>();

/** `call` as the person whose server-side session is `sessionId`. */
export function asCaller<T>(sessionId: string, call: () => Promise<T>): Promise<T> {
  return callerSession.run(sessionId, call);
}
