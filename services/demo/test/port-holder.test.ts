import { describe, it, expect, afterEach } from 'vitest';
import { createSocket, type Socket } from 'node:dgram';
import { platform } from 'node:os';
import { describePortUse, findPortUses, shortCommand, socketInodes } from '../src/port-holder.ts';

// /proc/net/tcp and /proc/net/udp as Linux prints them (columns trimmed after the inode)
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:07D0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1
   1: 0100007F:07D0 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 4343 1
   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1`;
const UDP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  10: 00000000000000000000000001000000:07D0 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 5151 2 0000000000000000 0`;

describe('port-holder', () => {
  describe('socketInodes', () => {
    it('finds the listening TCP socket on the port, not its connections or other ports', () => {
      expect(socketInodes(TCP, 2000, 'TCP')).toEqual([4242]);
      expect(socketInodes(TCP, 8080, 'TCP')).toEqual([4444]);
      expect(socketInodes(TCP, 2001, 'TCP')).toEqual([]);
    });

    it('finds bound UDP sockets, IPv6 addresses included', () => {
      expect(socketInodes(UDP6, 2000, 'UDP')).toEqual([5151]);
      expect(socketInodes('', 2000, 'UDP')).toEqual([]);
    });
  });

  describe('shortCommand', () => {
    it('shows the program by its base name and its arguments, on one line, shortened', () => {
      const cmdline = [
        '/opt/node/bin/node',
        '--conditions=x',
        'packages/local/src/cli.ts',
        '',
      ].join('\0');
      expect(shortCommand(cmdline)).toBe('node --conditions=x packages/local/src/cli.ts');
      expect(shortCommand('python3\0-c\0import a\nprint(1)\0')).toBe(
        'python3 -c import a print(1)',
      );
      expect(shortCommand(`node\0${'x'.repeat(100)}`, 20)).toBe(`node ${'x'.repeat(14)}…`);
    });
  });

  describe('describePortUse', () => {
    it('says the protocol and port, and the holder when known', () => {
      expect(describePortUse({ protocol: 'UDP', port: 2000 })).toBe('UDP port 2000 is in use');
      expect(describePortUse({ protocol: 'TCP', port: 2000, pid: 7, command: 'node a.ts' })).toBe(
        'TCP port 2000 is in use by pid 7 (node a.ts)',
      );
    });
  });

  describe('findPortUses', () => {
    let socket: Socket | undefined;
    afterEach(async () => {
      await new Promise<void>((r) => (socket ? socket.close(() => r()) : r()));
      socket = undefined;
    });

    it('names the protocol taken and, on Linux, this process as its holder', async () => {
      socket = createSocket('udp4');
      await new Promise<void>((r) => socket!.bind(0, '127.0.0.1', r));
      const port = socket.address().port;
      const uses = await findPortUses(port);
      expect(uses.map((u) => u.protocol)).toEqual(['UDP']);
      if (platform() === 'linux') {
        expect(uses[0]).toMatchObject({ port, pid: process.pid, command: expect.any(String) });
      }
    });

    it('is empty for a free port', async () => {
      socket = createSocket('udp4');
      await new Promise<void>((r) => socket!.bind(0, '127.0.0.1', r));
      const port = socket.address().port;
      await new Promise<void>((r) => socket!.close(() => r()));
      socket = undefined;
      expect(await findPortUses(port)).toEqual([]);
    });
  });
});
