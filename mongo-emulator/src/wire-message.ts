/** @module wire-message: decoding and encoding of MongoDB wire protocol messages (OP_MSG, legacy OP_QUERY/OP_REPLY). */
import { BSON, type Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

/** OP_MSG flag bits (wire protocol reference: "OP_MSG > flagBits"). */
export const CHECKSUM_PRESENT = 1 << 0;
export const MORE_TO_COME = 1 << 1;
export const EXHAUST_ALLOWED = 1 << 16;

export interface IncomingMessage {
  requestId: number;
  opCode: number;
  /** OP_MSG flag bits; 0 for OP_QUERY. */
  flags: number;
  /** The command document, with kind-1 document sequences folded in under their identifiers. */
  body: Document;
  /** For OP_QUERY: the database of "<db>.$cmd". */
  queryDatabase?: string;
}

const HEADER_BYTES = 16;

function readCString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  if (end < 0) throw new Error('unterminated cstring in message');
  return [buffer.toString('utf8', offset, end), end + 1];
}

function readDocument(buffer: Buffer, offset: number): [Document, number] {
  const size = buffer.readInt32LE(offset);
  return [BSON.deserialize(buffer.subarray(offset, offset + size)), offset + size];
}

/** Decodes one complete message (header included). */
export function decodeMessage(message: Buffer): IncomingMessage {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_QUERY) {
    let offset = HEADER_BYTES + 4;
    let collection: string;
    [collection, offset] = readCString(message, offset);
    const [query] = readDocument(message, offset + 8);
    // Drivers wrap the command as { $query: {...}, $readPreference } when sending read preferences to mongos.
    const body = (query.$query as Document | undefined) ?? query;
    return { requestId, opCode, flags: 0, body, queryDatabase: collection.split('.')[0] };
  }
  if (opCode !== OP_MSG) throw new Error(`unsupported opCode ${opCode}`);
  const flags = message.readUInt32LE(HEADER_BYTES);
  // The trailing CRC-32C is not verified: TCP already checks the bytes and drivers only add it on request.
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = HEADER_BYTES + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      [body, offset] = readDocument(message, offset);
    } else if (kind === 1) {
      const sectionEnd = offset + message.readInt32LE(offset);
      let identifier: string;
      [identifier, offset] = readCString(message, offset + 4);
      const documents: Document[] = [];
      while (offset < sectionEnd) {
        let document: Document;
        [document, offset] = readDocument(message, offset);
        documents.push(document);
      }
      sequences.push([identifier, documents]);
    } else {
      throw new Error(`unsupported OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new Error('OP_MSG without a body section');
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  return { requestId, opCode, flags, body };
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const buffer = Buffer.alloc(HEADER_BYTES);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(requestId, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

/** An OP_MSG reply with a single kind-0 section. */
export function encodeOpMsg(reply: Document, requestId: number, responseTo: number, flags = 0): Buffer {
  const body = BSON.serialize(reply);
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32LE(flags, 0);
  prefix.writeUInt8(0, 4);
  return Buffer.concat([header(HEADER_BYTES + 5 + body.length, requestId, responseTo, OP_MSG), prefix, body]);
}

/** An OP_REPLY carrying one document, the answer to a legacy OP_QUERY handshake. */
export function encodeOpReply(reply: Document, requestId: number, responseTo: number): Buffer {
  const body = BSON.serialize(reply);
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(8, 0); // AwaitCapable, as mongod sets it
  fields.writeBigInt64LE(0n, 4);
  fields.writeInt32LE(0, 12);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(HEADER_BYTES + 20 + body.length, requestId, responseTo, OP_REPLY), fields, body]);
}
