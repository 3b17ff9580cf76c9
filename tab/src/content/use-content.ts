import { useEffect, useState } from 'react';
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

/** Names for the contexts when the template has not loaded (the template's own titles win). */
const fallbackTitles: Record<RiskContext, string> = {
  classroom: 'Classroom and lessons',
  corridors: 'Corridors and moving around school',
  'toilets-changing': 'Toilets and changing rooms',
  'break-lunch': 'Break and lunchtime',
  'school-transport': 'School transport',
  'public-transport': 'Public transport',
  'clubs-activities': 'Clubs and activities',
  'trips-residentials': 'Trips and residentials',
  online: 'Online and devices',
  'home-community': 'Home and community',
  other: 'Other',
};

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
  return templateFor(template, context)?.title ?? fallbackTitles[context];
}

/**
 * Template text may name school-profile placeholders (`{{sencoName}}`). The tab has no school profile,
 * so core's fillVariables shows each as a readable placeholder ("[SENCO's name]"), as Word and the bot do.
 */
export function withoutPlaceholders(text: string): string {
  return fillVariables(text);
}
