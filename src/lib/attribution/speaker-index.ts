/**
 * Finds mentions of registry speakers in text by their aliases, longest alias
 * first, on word boundaries, case-sensitively (so "Hua" the name is not "hua"
 * in some word, and a lowercase "wang" is nobody).
 */
import type { Speaker } from '../schema.ts';

export interface Mention {
  start: number;
  end: number;
  speakerId: string;
  alias: string;
}

export interface SpeakerIndex {
  speakers: ReadonlyMap<string, Speaker>;
  mentions(text: string): Mention[];
  /** The speaker whose alias is exactly `text`, if any. */
  byAlias(text: string): string | undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

export function createSpeakerIndex(speakers: readonly Speaker[]): SpeakerIndex {
  const aliasOwner = new Map<string, string>();
  for (const speaker of speakers) {
    for (const alias of [speaker.name, ...speaker.aliases]) {
      if (!aliasOwner.has(alias)) aliasOwner.set(alias, speaker.id);
      // Typographic apostrophes are common in the sources ("MoFA’s").
      const curly = alias.replace(/'/gu, '’');
      if (!aliasOwner.has(curly)) aliasOwner.set(curly, speaker.id);
    }
  }
  const aliases = [...aliasOwner.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return {
    speakers: new Map(speakers.map((speaker) => [speaker.id, speaker])),
    mentions(text) {
      return [...text.matchAll(pattern)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        speakerId: aliasOwner.get(match[0]) ?? '',
        alias: match[0],
      }));
    },
    byAlias: (text) => aliasOwner.get(text),
  };
}
