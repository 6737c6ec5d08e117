/** A position in an agency's inbox: after the notification written by transaction `xid`, number `seq`. */
export interface InboxPosition {
  xid: string;
  seq: string;
}

/** The cursor an agency passes back as `after`: opaque to it, and checked on the way in. */
export function encodeCursor(position: InboxPosition): string {
  return Buffer.from(`v1:${position.xid}:${position.seq}`).toString('base64url');
}

/** Reads a cursor, or returns undefined if it was not one of ours. */
export function decodeCursor(cursor: string): InboxPosition | undefined {
  const match = /^v1:(\d{1,20}):(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] && match[2] ? { xid: match[1], seq: match[2] } : undefined;
}

/** Where an inbox starts. */
export const inboxStart: InboxPosition = { xid: '0', seq: '0' };
