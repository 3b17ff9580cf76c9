/**
 * The guidance documents content may say it follows (`guidanceEdition`), each with where its official
 * text lives. An item that names an edition must cite that official document among its sources, so a
 * reader can always check the text against what it claims to follow. Add a document here, with its
 * official address, before content names it.
 */
export interface GuidanceDocument {
  /** How `guidanceEdition` names it, before the year: "KCSIE 2025". */
  name: string;
  title: string;
  officialUrl: string;
  /** Addresses that count as citing it (the official page and its sub-pages). */
  matches: RegExp;
}

export const guidanceDocuments: readonly GuidanceDocument[] = [
  {
    name: 'KCSIE',
    title: 'Keeping children safe in education (DfE)',
    officialUrl: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
    matches: /^https:\/\/(?:www\.)?gov\.uk\/government\/publications\/keeping-children-safe-in-education/,
  },
  {
    name: 'UKCIS',
    title: 'Sharing nudes and semi-nudes: advice for education settings (UKCIS)',
    officialUrl:
      'https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people',
    matches: /^https:\/\/(?:www\.)?gov\.uk\/government\/publications\/sharing-nudes-and-semi-nudes/,
  },
  {
    name: 'Working Together',
    title: 'Working together to safeguard children (DfE)',
    officialUrl: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
    matches: /^https:\/\/(?:www\.)?gov\.uk\/government\/publications\/working-together-to-safeguard-children/,
  },
  {
    name: 'Information sharing advice',
    title: 'Information sharing advice for safeguarding practitioners (DfE)',
    officialUrl: 'https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice',
    matches:
      /^https:\/\/(?:www\.)?gov\.uk\/government\/publications\/safeguarding-practitioners-information-sharing-advice/,
  },
  {
    name: 'NSPCC HSB Framework',
    title: 'Harmful sexual behaviour framework (NSPCC)',
    officialUrl: 'https://learning.nspcc.org.uk/research-resources/harmful-sexual-behaviour-hsb-framework-audit',
    matches: /^https:\/\/learning\.nspcc\.org\.uk\/research-resources\/harmful-sexual-behaviour-hsb-framework/,
  },
];

/** Splits "KCSIE 2025; UKCIS 2024" into documents and years; unknown names come back as `document: undefined`. */
export function parseGuidanceEdition(
  edition: string,
): { text: string; document: GuidanceDocument | undefined; year: number | undefined }[] {
  return edition
    .split(';')
    .map((part) => part.trim())
    .map((text) => {
      const m = /^(.+?) ((?:19|20)\d{2})$/.exec(text);
      const document = m ? guidanceDocuments.find((d) => d.name === m[1]) : undefined;
      return { text, document, year: m ? Number(m[2]) : undefined };
    });
}
