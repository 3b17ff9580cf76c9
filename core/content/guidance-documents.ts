/**
 * The guidance documents content may say it follows (`guidanceEdition`), the edition of each that is in
 * force, and the official address of THAT edition. An item that names an edition must cite that edition's
 * own address among its sources: an undated publication page silently moves on to next year's text, so a
 * reader could no longer check the item against what it claims to follow.
 *
 * Editions in force on 2 December 2026 (checked with the project's search tools in December 2026):
 * - KCSIE 2026: published for information on 7 July 2026, in force from 1 September 2026; the
 *   in-force PDF was uploaded to GOV.UK on 27 August 2026. It replaces KCSIE 2025.
 * - Working Together 2026: the DfE republished Working together to safeguard children as a 2026
 *   edition (GOV.UK page updated 18 March 2026; PDF uploaded 24 March 2026). It replaces the 2023 edition.
 * - UKCIS 2024: Sharing nudes and semi-nudes, updated 11 March 2024; no later edition found.
 * - Information sharing advice 2024: May 2024; no later edition found.
 * - NSPCC HSB Framework 2019: NSPCC Learning's harmful sexual behaviour framework (second edition, 2019).
 *
 * When an edition changes, change it here: the loader then rejects every item that still names the old
 * one, so nothing keeps claiming to follow a superseded text.
 */
export interface GuidanceEdition {
  /** The year `guidanceEdition` names: "KCSIE 2026". */
  year: number;
  /** The edition's title as its publisher gives it. */
  title: string;
  /** First day it was published (a check against its text cannot be earlier). */
  publishedOn: string;
  /** The official address of this edition's text. */
  url: string;
}

export interface GuidanceDocument {
  /** How `guidanceEdition` names it, before the year: "KCSIE". */
  name: string;
  title: string;
  /** The publisher's page for the document (all editions); cited only beside the edition itself. */
  publicationPage: string;
  /** The edition in force. */
  current: GuidanceEdition;
}

export const guidanceDocuments: readonly GuidanceDocument[] = [
  {
    name: 'KCSIE',
    title: 'Keeping children safe in education (DfE)',
    publicationPage: 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
    current: {
      year: 2026,
      title: 'Keeping children safe in education 2026: statutory guidance for schools and colleges',
      publishedOn: '2026-07-07',
      url: 'https://assets.publishing.service.gov.uk/media/6a9081309a177a1decf97b00/Keeping_children_safe_in_education_2026.pdf',
    },
  },
  {
    name: 'UKCIS',
    title: 'Sharing nudes and semi-nudes: advice for education settings (UKCIS)',
    publicationPage:
      'https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people',
    current: {
      year: 2024,
      title:
        'Sharing nudes and semi-nudes: advice for education settings working with children and young people (updated March 2024)',
      publishedOn: '2024-03-11',
      url: 'https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people',
    },
  },
  {
    name: 'Working Together',
    title: 'Working together to safeguard children (DfE)',
    publicationPage: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
    current: {
      year: 2026,
      title: 'Working together to safeguard children 2026: statutory guidance',
      publishedOn: '2026-03-18',
      url: 'https://assets.publishing.service.gov.uk/media/69c2c4ce380a2a73a7cf9df4/Working_together_to_safeguard_children_2026.pdf',
    },
  },
  {
    name: 'Information sharing advice',
    title: 'Information sharing advice for safeguarding practitioners (DfE)',
    publicationPage: 'https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice',
    current: {
      year: 2024,
      title: 'Information sharing: advice for practitioners providing safeguarding services (May 2024)',
      publishedOn: '2024-05-01',
      url: 'https://assets.publishing.service.gov.uk/media/66320b06c084007696fca731/Info_sharing_advice_content_May_2024.pdf',
    },
  },
  {
    name: 'NSPCC HSB Framework',
    title: 'Harmful sexual behaviour framework (NSPCC)',
    publicationPage: 'https://learning.nspcc.org.uk/research-resources/harmful-sexual-behaviour-hsb-framework-audit',
    current: {
      year: 2019,
      title: 'Harmful sexual behaviour framework: an evidence-informed operational framework (second edition, 2019)',
      publishedOn: '2019-01-01',
      url: 'https://learning.nspcc.org.uk/research-resources/harmful-sexual-behaviour-hsb-framework-audit',
    },
  },
];

/**
 * Hosts whose pages may be cited: the official publishers of the guidance and law content relies on,
 * and services cited on their own sites for their own service. Never a school's copy, a mirror, a
 * document-dump site, a blog, a consultancy or another nation's procedures: those may help a writer check
 * wording, but a reader must be sent to the publisher.
 */
export const officialSourceHosts: readonly { host: string; publisher: string }[] = [
  { host: 'www.gov.uk', publisher: 'GOV.UK (DfE, UKCIS, Ofsted, Home Office, Ministry of Justice)' },
  { host: 'assets.publishing.service.gov.uk', publisher: 'GOV.UK publication files' },
  { host: 'www.legislation.gov.uk', publisher: 'legislation.gov.uk (The National Archives)' },
  { host: 'learning.nspcc.org.uk', publisher: 'NSPCC Learning' },
  { host: 'www.nspcc.org.uk', publisher: 'NSPCC (its helpline)' },
  { host: 'www.childline.org.uk', publisher: 'Childline (Report Remove)' },
  { host: 'www.iwf.org.uk', publisher: 'Internet Watch Foundation (Report Remove)' },
  { host: 'www.ceop.police.uk', publisher: 'CEOP (National Crime Agency): reporting' },
  { host: 'www.ceopeducation.co.uk', publisher: 'CEOP Education (National Crime Agency)' },
  { host: 'www.nationalcrimeagency.gov.uk', publisher: 'National Crime Agency' },
  { host: 'www.lucyfaithfull.org.uk', publisher: 'Lucy Faithfull Foundation' },
  { host: 'www.stopitnow.org.uk', publisher: 'Stop It Now (Lucy Faithfull Foundation)' },
  { host: 'swgfl.org.uk', publisher: 'SWGfL, for its own services (POSH, the closed HSBSS)' },
  { host: 'saferinternet.org.uk', publisher: 'UK Safer Internet Centre (POSH)' },
  { host: 'www.saferinternet.org.uk', publisher: 'UK Safer Internet Centre (POSH)' },
  { host: 'ico.org.uk', publisher: "Information Commissioner's Office" },
  { host: 'www.cps.gov.uk', publisher: 'Crown Prosecution Service' },
  { host: 'www.brook.org.uk', publisher: 'Brook, for its own Traffic Light Tool' },
];

const hosts = new Set(officialSourceHosts.map((h) => h.host));

/** Whether `url` is on an official publisher's host (https only). */
export function isOfficialSource(url: string): boolean {
  const m = /^https:\/\/([^/?#:]+)(?:[/?#]|$)/i.exec(url);
  return m !== null && hosts.has(m[1]!.toLowerCase());
}

/** Whether `url` is the official address of the edition in force of `document` (or a page inside it). */
export function citesEdition(document: GuidanceDocument, url: string): boolean {
  const edition = document.current.url;
  return url === edition || url.startsWith(`${edition}#`) || url.startsWith(`${edition}/`);
}

/** Splits "KCSIE 2026; UKCIS 2024" into documents and years; unknown names come back as `document: undefined`. */
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
