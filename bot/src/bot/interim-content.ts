import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { hackettLevels, type HackettLevel } from '../../../core/index.js';
import type { FaqAnswer, FaqAnswers } from './faq-answers.js';
import type { HackettGuide, HackettLevelGuide } from './hackett-guide.js';

/**
 * Reads the FAQ and the Hackett guide straight from content/ until the content library (issue #3)
 * reaches main; then the bot takes both from the library and this file goes.
 */
export function interimContent(contentDir: string): { faq: FaqAnswers; hackett: HackettGuide } {
  const entries: FaqAnswer[] = readdirSync(join(contentDir, 'faq'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(contentDir, 'faq', f), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const meta = parse(front) as {
        id: string;
        title: string;
        sources: FaqAnswer['sources'];
        guidanceEdition: string;
        tags?: string[];
      };
      return {
        id: meta.id,
        question: meta.title,
        answer: body.trim(),
        sources: meta.sources,
        guidanceEdition: meta.guidanceEdition,
        tags: meta.tags ?? [],
      };
    });
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);
  const indexed = entries.map((e) => ({
    e,
    w: words(`${e.question} ${(e as { tags?: string[] }).tags?.join(' ')}`),
  }));
  const faq: FaqAnswers = {
    best(question) {
      const q = words(question);
      const ranked = indexed
        .map(({ e, w }) => ({ e, score: [...q].filter((t) => w.has(t)).length }))
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score);
      if (ranked.length === 0) return null;
      return { best: ranked[0]!.e, related: ranked.slice(1, 3).map((r) => r.e) };
    },
    byId: (id) => entries.find((e) => e.id === id) ?? null,
  };
  const guide = parse(readFileSync(join(contentDir, 'guides', 'hackett.yaml'), 'utf8')) as {
    levels: HackettLevelGuide[];
    sources: HackettGuide['sources'];
    guidanceEdition: string;
  };
  const levels = new Map<HackettLevel, HackettLevelGuide>(guide.levels.map((l) => [l.id, l]));
  if (!hackettLevels.every((l) => levels.has(l)))
    throw new Error('content/guides/hackett.yaml lacks a level');
  return {
    faq,
    hackett: {
      level: (id) => levels.get(id)!,
      sources: guide.sources,
      guidanceEdition: guide.guidanceEdition,
    },
  };
}
