/**
 * An SMTP server that accepts everything and counts, run as a child process of
 * bench/notifications.bench.ts so its work does not share the service's event loop.
 * Tells the parent its port, then the count every 250 messages and at the end, and its CPU
 * time when asked. smtp-server advertises PIPELINING (RFC 2920) and accepts pipelined
 * envelopes by default; nodemailer sends MAIL, RCPT and DATA in one write when it sees it.
 */
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received++;
      if (received % 250 === 0) process.send?.({ received });
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (m: { report?: boolean; cpu?: boolean }) => {
  if (m.report) process.send?.({ received });
  if (m.cpu) {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));
