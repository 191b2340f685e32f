/**
 * Builders for the raw payloads zca-js's listener decodes (TGroupMessage / TMessage / TQuote), wrapped in
 * zca-js's own GroupMessage / UserMessage classes, so tests see exactly what the real listener emits —
 * including the constructor's own rewrites (isSelf, uidFrom "0" → own uid, quote.ownerId → string).
 */
import {
  GroupMessage,
  type GroupInfo,
  UserMessage,
  type TGroupMessage,
  type TMention,
  type TMessage,
  type TQuote,
} from '../../src/channels/zalo/zca';

export interface FakeUser {
  id: string;
  name: string;
}

export interface MessageIds {
  msgId: string;
  cliMsgId: string;
  ts: number;
}

export interface BuildOptions {
  ownId: string;
  ids: MessageIds;
  /** The sender; `'self'` builds the bot's own message as the server echoes it (uidFrom "0"). */
  from: FakeUser | 'self';
  content: TMessage['content'];
  msgType?: string;
  quote?: TQuote;
}

function baseData(options: BuildOptions, idTo: string): TMessage {
  const self = options.from === 'self';
  return {
    actionId: options.ids.msgId,
    msgId: options.ids.msgId,
    cliMsgId: options.ids.cliMsgId,
    msgType: options.msgType ?? 'webchat',
    uidFrom: self ? '0' : (options.from as FakeUser).id,
    idTo,
    dName: self ? '' : (options.from as FakeUser).name,
    ts: String(options.ids.ts),
    status: 1,
    content: options.content,
    notify: '1',
    ttl: 0,
    userId: '0',
    uin: '0',
    topOut: '0',
    topOutTimeOut: '0',
    topOutImprTimeOut: '0',
    propertyExt: undefined,
    paramsExt: { countUnread: 1, containType: 0, platformType: 1 },
    cmd: 521,
    st: 3,
    at: 5,
    realMsgId: '0',
    quote: options.quote,
  };
}

export function buildGroupMessage(
  options: BuildOptions & { groupId: string; mentions?: TMention[] },
): GroupMessage {
  const data: TGroupMessage = { ...baseData(options, options.groupId), mentions: options.mentions };
  return new GroupMessage(options.ownId, data);
}

/** A direct message to the bot: the server sends idTo "0", which zca-js rewrites to the bot's uid. */
export function buildUserMessage(options: BuildOptions): UserMessage {
  return new UserMessage(options.ownId, { ...baseData(options, '0'), cmd: 501 });
}

/** The quote block Zalo attaches to a reply: ids of the quoted message, its author and its text. */
export function buildQuote(quoted: {
  ownerId: string;
  ownerName: string;
  ids: MessageIds;
  text: string;
}): TQuote {
  return {
    ownerId: quoted.ownerId,
    cliMsgId: Number(quoted.ids.cliMsgId),
    globalMsgId: Number(quoted.ids.msgId),
    cliMsgType: 1,
    ts: quoted.ids.ts,
    msg: quoted.text,
    attach: '',
    fromD: quoted.ownerName,
    ttl: 0,
  };
}

/**
 * A photo as Zalo delivers it: content is an object, msgType "chat.photo"; the caption typed with it in
 * `title`; `params` a JSON string with the size in pixels and `hd`, a larger copy's link.
 */
export function photoContent(caption = '', links: { href?: string; hd?: string } = {}): TMessage['content'] {
  const href = links.href ?? 'https://photo.example/zalo/img.jpg';
  return {
    title: caption,
    description: '',
    href,
    thumb: 'https://photo.example/zalo/thumb.jpg',
    childnumber: 0,
    action: '',
    params: JSON.stringify({ width: 800, height: 600, ...(links.hd ? { hd: links.hd } : {}) }),
    type: '',
  };
}

/** An "@Name" mention at `pos` in `text` (positions are UTF-16 indexes, as zca-js expects). */
export function mentionOf(text: string, name: string, uid: string): TMention {
  const at = `@${name}`;
  const pos = text.indexOf(at);
  if (pos < 0) throw new Error(`"${at}" is not in "${text}"`);
  return { uid, pos, len: at.length, type: 0 };
}

/** getGroupInfo's entry for a group, as Zalo now answers it: member lists hidden, only memVerList filled. */
export function buildGroupInfo(
  groupId: string,
  name: string,
  ownId: string,
): GroupInfo & { memVerList: string[]; pendingApprove: { time: number; uids: null } } {
  return {
    groupId,
    name: name,
    desc: '',
    type: 1,
    creatorId: '763737044557667757',
    version: '1',
    avt: '',
    fullAvt: '',
    // Zalo often hides the member list (docs/zalo-zca-js.md §4): only memVerList is filled.
    memberIds: [],
    adminIds: [],
    currentMems: [],
    updateMems: [],
    admins: [],
    hasMoreMember: 0,
    subType: 1,
    totalMember: 1,
    maxMember: 1000,
    setting: {
      blockName: 0,
      signAdminMsg: 0,
      addMemberOnly: 0,
      setTopicOnly: 0,
      enableMsgHistory: 1,
      joinAppr: 0,
      lockCreatePost: 0,
      lockCreatePoll: 0,
      lockSendMsg: 0,
      lockViewMember: 1,
      bannFeature: 0,
      dirtyMedia: 0,
      banDuration: 0,
    },
    createdTime: 1_700_000_000_000,
    visibility: 0,
    globalId: 'G1',
    e2ee: 0,
    extraInfo: { enable_media_store: 1 },
    memVerList: [`${ownId}_0`],
    pendingApprove: { time: 0, uids: null },
  };
}

/**
 * A file as Zalo delivers it (msgType "share.file"): the name in `title`, the CDN link in `href`, and in
 * `params` a JSON string whose `fileSize` is a string of bytes — the shape bots built on zca-js read.
 */
export function fileContent(file: { name: string; size: number; href: string }): TMessage['content'] {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1] ?? '';
  return {
    title: file.name,
    description: '',
    href: file.href,
    thumb: '',
    childnumber: 0,
    action: 'recommened.misc',
    params: JSON.stringify({
      fileSize: String(file.size),
      checksum: 'c0ffee',
      checksumSha: '',
      fileExt: ext,
      fdata: '{}',
      fType: 1,
      tType: 0,
    }),
    type: '',
  };
}
