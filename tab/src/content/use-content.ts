import { useEffect, useState } from 'react';
import { contentLabels } from '../../../core/content/labels';
import { fillVariables } from '../../../core/content/school-profile';
import type { ApiClient } from '../api/api-client';
import type { HackettGuide, LanguageGuide, RiskTemplate, TemplateContext } from '../api/content-types';
import type { RiskContext } from '../../../core/assessment/schema';

export interface Content {
  template: RiskTemplate | null;
  language: LanguageGuide | null;
  hackett: HackettGuide | null;
  /** The guidance could not be loaded: the form still works, without prompts, examples and hints. */
  unavailable: boolean;
}

/** The template and the language guide, fetched once per page (ApiClient caches them). */
export function useContent(api: ApiClient): Content {
  const [content, setContent] = useState<Content>({
    template: null,
    language: null,
    hackett: null,
    unavailable: false,
  });
  useEffect(() => {
    let live = true;
    Promise.allSettled([api.riskTemplate(), api.languageGuide(), api.hackettGuide()]).then(
      ([template, language, hackett]) => {
        if (!live) return;
        setContent({
          template: template.status === 'fulfilled' ? template.value : null,
          language: language.status === 'fulfilled' ? language.value : null,
          hackett: hackett.status === 'fulfilled' ? hackett.value : null,
          unavailable: [template, language, hackett].some((r) => r.status === 'rejected'),
        });
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  return content;
}

export function contextIdOf(item: TemplateContext): RiskContext {
  return item.context;
}

export function templateFor(
  template: RiskTemplate | null,
  context: RiskContext,
): TemplateContext | undefined {
  return template?.contexts.find((c) => c.context === context);
}

export function contextTitle(
  template: RiskTemplate | null,
  context: RiskContext,
  label?: string | undefined,
): string {
  if (context === 'other') return label ? `Other: ${label}` : 'Other';
  return template ? contentLabels(template).context(context) : idAsWords(context);
}

/**
 * Every label comes from content/ (core's contentLabels); only when the guidance could not be loaded,
 * which the form says, is an id shown as plain words ("toilets-changing" → "Toilets changing").
 */
export function idAsWords(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Template text may name school-profile placeholders (`{{sencoName}}`). The tab has no school profile,
 * so core's fillVariables shows each as a readable placeholder ("[SENCO's name]"), as Word and the bot do.
 */
export function withoutPlaceholders(text: string): string {
  return fillVariables(text);
}
