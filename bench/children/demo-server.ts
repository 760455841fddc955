// The demo OGC server in a process of its own, so that it does not share the
// bridge's (or the load generator's) event loop. Options come as JSON in
// argv[2]; the URL goes to stdout as one JSON line; stdin closing stops it.
import { startDemoServer, type DemoServerOptions } from '../../src/demo/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as DemoServerOptions;
const server = await startDemoServer({ ...options, host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
