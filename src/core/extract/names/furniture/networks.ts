import { Edit, type Line } from './edit';

// Share bars and social networks: "Share on Facebook  Share on X", "Follow us: Facebook · Instagram · X · YouTube"

const NETWORKS = ['Facebook', 'X', 'Twitter', 'WhatsApp', 'LinkedIn', 'Instagram', 'YouTube', 'TikTok', 'Telegram', 'Reddit', 'Pinterest',
  'Threads', 'Bluesky', 'Mastodon', 'Flipboard', 'Messenger', 'Snapchat', 'Weibo', 'WeChat', 'Line', 'Viber', 'Signal', 'Tumblr', 'Substack'];
const NETWORK_SET = new Set(NETWORKS.map((n) => n.toLowerCase()));
const BAR_WORDS = new Set(['share', 'share:', 'this', 'article', 'story', 'page', 'on', 'via', 'email', 'e-mail', 'copy', 'link', 'print',
  'follow', 'us', 'us:', 'follow:', 'comment', 'save', 'gift', 'more']);
/** Names of networks that are nothing else, so they are the network wherever they stand. */
const UNAMBIGUOUS_NETWORK = /\b(?:Facebook|WhatsApp|LinkedIn|Instagram|YouTube|TikTok|Twitter|Pinterest|Bluesky|Snapchat|WeChat)\b/gu;

/** Some network's name, to pass over most lines at once. */
const ANY_NETWORK = new RegExp(`(?:^|[^A-Za-z])(?:${NETWORKS.join('|')})(?![A-Za-z])`, 'i');

export function shareBars(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 240 || !ANY_NETWORK.test(line.text)) continue;
    const words = line.text.trim().split(/[\s|·•,/]+/).filter((w) => w && !/^[\p{P}\p{S}]+$/u.test(w));
    if (words.length < 2 || words.length > 24) continue;
    let networks = 0;
    if (!words.every((w) => {
      const lower = w.toLowerCase().replace(/:$/, '');
      if (NETWORK_SET.has(lower)) { networks++; return true; }
      return BAR_WORDS.has(w.toLowerCase());
    })) continue;
    if (networks < 2 && !/^\s*(?:share|follow)/i.test(line.text)) continue;
    for (const w of line.text.matchAll(/[\p{L}-]+/gu)) {
      const canonical = NETWORKS.find((n) => n.toLowerCase() === w[0].toLowerCase());
      if (!canonical || w[0] !== canonical) continue;
      edit.name(line.start + w.index, line.start + w.index + w[0].length, 'ORG', canonical);
    }
  }
}

export function platforms(edit: Edit): void {
  for (const m of edit.text.matchAll(UNAMBIGUOUS_NETWORK)) {
    const start = m.index, end = start + m[0].length;
    const over = edit.overlapping(start, end);
    if (over.length === 0) edit.name(start, end, 'ORG');
    else if (over.length === 1 && over[0].start === start && over[0].end === end && over[0].type !== 'ORG') edit.name(start, end, 'ORG', over[0].canonical);
  }
}
