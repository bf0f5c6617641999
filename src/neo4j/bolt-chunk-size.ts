import { dirname } from 'node:path';

/**
 * Bytes the driver gathers before it writes to the socket. neo4j-driver 6.x writes each outgoing
 * Bolt chunk of at most 1,400 bytes with its own socket write: the store-records parameters of a
 * 2,000-record chunk (~3 MiB) took ~2,200 writes, and as many small frames for Neo4j to decode
 * (bench:bolt-chunks: 32 KiB cut Neo4j's CPU for that statement by two thirds, the API's by a
 * fifth). Bolt allows chunks of up to 65,535 bytes.
 */
export const BOLT_CHUNK_BYTES = 32 * 1024;

interface ChunkingModule {
  Chunker: new (channel: unknown, bufferSize?: number) => object;
}

let installed = false;

/**
 * Makes the driver write Bolt chunks of BOLT_CHUNK_BYTES. The driver has no option for it: its
 * connections build their Chunker from this module's export without a size, so the export is
 * replaced by one that passes the size. Returns false, changing nothing, if a driver upgrade
 * moved the class (writes then go out in 1,400-byte chunks, as before).
 */
export function useLargeBoltChunks(): boolean {
  if (installed) return true;
  let chunking: ChunkingModule;
  try {
    // The driver's own copy of its connection package (it does not export the Chunker).
    const driverDirectory = dirname(require.resolve('neo4j-driver/package.json'));
    chunking = require(require.resolve('neo4j-driver-bolt-connection/lib/channel/chunking', { paths: [driverDirectory] })) as ChunkingModule;
  } catch {
    return false;
  }
  const Original = chunking.Chunker;
  if (typeof Original !== 'function' || Original.length < 2) return false;
  class LargeChunker extends Original {
    constructor(channel: unknown, bufferSize?: number) {
      super(channel, bufferSize ?? BOLT_CHUNK_BYTES);
    }
  }
  chunking.Chunker = LargeChunker;
  installed = true;
  return true;
}
