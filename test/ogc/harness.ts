// The usual setup of the OgcClient tests: before each test a fresh fake server
// and a client on it (default options), both closed after the test.
import { afterEach, beforeEach } from 'vitest';
import { OgcClient } from '../../src/ogc/client.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

export interface ClientOnFakeServer {
  /** The current test's server. */
  readonly server: FakeServer;
  /** The current test's client, with its base URL on `server`. */
  readonly client: OgcClient;
}

/** Registers the hooks; call at the top level of a test file. */
export function clientOnFakeServer(): ClientOnFakeServer {
  let server: FakeServer | undefined;
  let client: OgcClient | undefined;
  beforeEach(async () => {
    server = await startFakeServer();
    client = new OgcClient({ baseUrl: server.url });
  });
  afterEach(async () => {
    await client?.close();
    await server?.close();
  });
  const current = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('clientOnFakeServer: used outside a test');
    return value;
  };
  return {
    get server() {
      return current(server);
    },
    get client() {
      return current(client);
    },
  };
}
