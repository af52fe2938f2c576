// Exits 0 when TCP port PORT on 127.0.0.1 can be listened on, 1 when something holds it.
// Usage: node scripts/port-free.cjs PORT
'use strict';
const server = require('node:net').createServer();
server.once('error', () => process.exit(1));
server.listen(Number(process.argv[2]), '127.0.0.1', () => server.close());
