import { dirname } from 'node:path';
import { BOLT_CHUNK_BYTES, useLargeBoltChunks } from './bolt-chunk-size';

interface ChunkerLike {
  _bufferSize: number;
  _buffer: { length: number };
}

// useLargeBoltChunks relies on the module layout of neo4j-driver 6.x. If a driver upgrade moves
// the Chunker, writes quietly go back to 1,400-byte chunks (~5 % more API CPU in bulk ingest): this says so.
describe('useLargeBoltChunks', () => {
  it('makes the Chunker the driver builds its connections with gather BOLT_CHUNK_BYTES per write', () => {
    // The module connection-channel takes `new Chunker(channel)` from, as the driver's connections resolve it.
    const channel = channelModule() as unknown as { Chunker: new (channel: unknown, bufferSize?: number) => ChunkerLike };
    const before = new channel.Chunker({ write: () => undefined });
    expect(useLargeBoltChunks()).toBe(true);
    const after = new channel.Chunker({ write: () => undefined });
    expect(before._bufferSize).toBe(1400);
    expect(after._bufferSize).toBe(BOLT_CHUNK_BYTES);
    expect(after._buffer.length).toBe(BOLT_CHUNK_BYTES);
    // An explicit size is still honoured, and a chunk's size fits Bolt's 16-bit chunk header.
    expect(new channel.Chunker({ write: () => undefined }, 512)._bufferSize).toBe(512);
    expect(BOLT_CHUNK_BYTES).toBeLessThanOrEqual(0xffff);
  });

  it('writes a message larger than one chunk as socket writes of at most BOLT_CHUNK_BYTES that reassemble to the same bytes', () => {
    useLargeBoltChunks();
    const { Chunker, Dechunker, alloc } = channelModule();
    const writes: Buffer[] = [];
    const chunker = new Chunker({ write: (slice: ByteSource) => writes.push(bytesOf(slice)) });
    const message = Buffer.alloc(200_000);
    for (let i = 0; i < message.length; i++) message[i] = (i * 31) % 251;
    chunker.putBytes(0, channelBufferOf(alloc, message));
    chunker.messageBoundary();
    chunker.flush();
    // 1,400-byte chunks took 143 writes for this message.
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(message.length / (BOLT_CHUNK_BYTES - 4)));
    for (const write of writes) expect(write.length).toBeLessThanOrEqual(BOLT_CHUNK_BYTES);
    const received: Buffer[] = [];
    const dechunker = new Dechunker();
    dechunker.onmessage = (buffer: ByteSource) => received.push(bytesOf(buffer));
    for (const write of writes) dechunker.write(channelBufferOf(alloc, write));
    expect(received).toHaveLength(1);
    expect(received[0].equals(message)).toBe(true);
  });
});

interface ByteSource {
  remaining(): number;
  readUInt8(): number;
}

interface ChannelBufferLike extends ByteSource {
  writeUInt8(value: number): void;
  reset(): void;
}

function channelModule() {
  const driverDirectory = dirname(require.resolve('neo4j-driver/package.json'));
  return require(require.resolve('neo4j-driver-bolt-connection/lib/channel', { paths: [driverDirectory] })) as {
    Chunker: new (channel: { write(slice: ByteSource): void }) => { putBytes(position: number, data: ChannelBufferLike): void; messageBoundary(): void; flush(): void };
    Dechunker: new () => { onmessage: (buffer: ByteSource) => void; write(buffer: ChannelBufferLike): void };
    alloc: (size: number) => ChannelBufferLike;
  };
}

function bytesOf(source: ByteSource): Buffer {
  const bytes = Buffer.alloc(source.remaining());
  for (let i = 0; i < bytes.length; i++) bytes[i] = source.readUInt8();
  return bytes;
}

function channelBufferOf(alloc: (size: number) => ChannelBufferLike, bytes: Buffer): ChannelBufferLike {
  const buffer = alloc(bytes.length);
  for (const byte of bytes) buffer.writeUInt8(byte);
  buffer.reset();
  return buffer;
}
