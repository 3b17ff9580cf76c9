import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { LanguageTerm, RiskTemplate, TemplateContext } from '../api/content-types';
import type { RiskContext } from '../../../core/assessment/schema';

export interface Content {
  template: RiskTemplate | null;
  terms: LanguageTerm[];
  /** The guidance could not be loaded: the form still works, without prompts, examples and hints. */
  unavailable: boolean;
}

/** The template and the language guide, fetched once per page (ApiClient caches them). */
export function useContent(api: ApiClient): Content {
  const [content, setContent] = useState<Content>({ template: null, terms: [], unavailable: false });
  useEffect(() => {
    let live = true;
    Promise.allSettled([api.riskTemplate(), api.languageGuide()]).then(([template, language]) => {
      if (!live) return;
      setContent({
        template: template.status === 'fulfilled' ? template.value : null,
        terms: language.status === 'fulfilled' ? language.value.terms : [],
        unavailable: template.status === 'rejected' || language.status === 'rejected',
      });
    });
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

export function contextIdOf(item: TemplateContext): RiskContext | undefined {
  const id = item.id.replace(/^context\./, '');
  return id in fallbackTitles ? (id as RiskContext) : undefined;
}

export function templateFor(
  template: RiskTemplate | null,
  context: RiskContext,
): TemplateContext | undefined {
  return template?.contexts.find((c) => contextIdOf(c) === context);
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
 * Template text may name school-profile placeholders (`{{sencoName}}`); the tab has no school
 * profile, so each becomes a readable description of the person instead.
 */
export function withoutPlaceholders(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) => {
    const words = name
      .replace(/Names?$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    const known: Record<string, string> = { senco: 'SENCO', dsl: 'DSL', 'deputy dsl': 'deputy DSLs' };
    return `the ${known[words] ?? words}`;
  });
}
