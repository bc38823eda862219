// A TCP proxy in front of MySQL/MariaDB that can lose one statement's answer on purpose: it
// forwards the statement, lets the server execute it, then cuts the client's connection before
// the reply arrives. That is what a database crash or a network cut at COMMIT looks like to the
// application — the commit landed, the acknowledgement did not — and it cannot be timed with a
// real restart. Understands just enough of the protocol (packet = 3-byte length, sequence id,
// payload; COM_QUERY = 0x03 + SQL text) for that; everything else passes through untouched.
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

const COM_QUERY = 0x03;

interface Trap {
  sql: RegExp;
  /** Only on a connection that has sent a statement matching this first (in the same trap). */
  after?: RegExp;
  hit: () => void;
}

export class MysqlProxy {
  private trap: Trap | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(upstreamHost: string, upstreamPort: number): Promise<MysqlProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new MysqlProxy(server, (server.address() as AddressInfo).port);
    server.on('connection', (client) => proxy.relay(client, upstreamHost, upstreamPort));
    return proxy;
  }

  /**
   * The next text statement matching `sql` reaches the server and runs; its connection is then
   * cut before the answer gets back. Resolves once that has happened. With `after`, only on a
   * connection that sent a statement matching it first: `COMMIT` after `INSERT INTO mentions` is
   * the commit of an extraction, not of any transaction.
   */
  loseAnswerTo(sql: RegExp, options: { after?: RegExp } = {}): Promise<void> {
    return new Promise((resolve) => (this.trap = { sql, after: options.after, hit: resolve }));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, host: string, port: number): void {
    const server = createConnection({ host, port });
    this.sockets.add(client).add(server);
    const drop = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on('error', drop).on('close', drop);
    server.on('error', drop).on('close', drop);

    // Server → client: as is, unless a trapped statement is waiting for its answer.
    let trapped: (() => void) | null = null;
    server.on('data', (chunk) => {
      if (trapped) {
        const hit = trapped;
        trapped = null;
        drop();
        hit();
        return;
      }
      client.write(chunk);
    });

    // Client → server: whole packets, so a statement can be recognised before it is sent.
    let pending = Buffer.alloc(0);
    let primed: Trap | null = null;
    client.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const size = pending.readUIntLE(0, 3) + 4;
        if (pending.length < size) break;
        const packet = pending.subarray(0, size);
        pending = pending.subarray(size);
        const trap = this.trap;
        if (trap && packet[4] === COM_QUERY) {
          const sql = packet.subarray(5).toString('utf8');
          if (trap.after && primed !== trap && trap.after.test(sql)) primed = trap;
          else if ((!trap.after || primed === trap) && trap.sql.test(sql)) {
            this.trap = null;
            trapped = trap.hit;
          }
        }
        server.write(packet);
      }
    });
  }
}
