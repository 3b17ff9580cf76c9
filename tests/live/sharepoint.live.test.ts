/**
 * The repository contract and the document library against a real SharePoint site, through real
 * Microsoft Graph. Opt-in: `npm run test:sharepoint-live` with the settings below; `npm test` never
 * runs it (jest.config.js leaves tests/live out). Each test provisions its own uniquely named lists
 * and deletes them afterwards, so a shared site is left as it was found.
 */
import { randomUUID } from 'node:crypto';
import { DOCX_CONTENT_TYPE } from '../../bot/src/documents/render-assessment-docx.js';
import { describeAssessmentRepositoryContract } from '../contract/assessment-repository.contract.js';
import { assessmentData, changeContext, testActor } from '../helpers/assessment-data.js';
import {
  createGraphClient,
  provisionSharePoint,
  SharePointAssessmentStore,
  type ListNames,
} from '../../storage/sharepoint/index.js';

interface LiveSettings {
  /** A site the token may create and delete lists in, e.g. `contoso.sharepoint.com,<guid>,<guid>`. */
  siteId: string;
  /** A delegated or app-only Graph token with Sites.Manage.All, or Sites.Selected with `manage` on the site. */
  token: string;
  graphBaseUrl: string;
}

function liveSettings(): LiveSettings {
  const siteId = process.env.SHAREPOINT_LIVE_SITE_ID;
  const token = process.env.SHAREPOINT_LIVE_TOKEN;
  if (!siteId || !token) {
    throw new Error(
      'The live SharePoint suite needs SHAREPOINT_LIVE_SITE_ID and SHAREPOINT_LIVE_TOKEN (see README, "SharePoint").',
    );
  }
  return { siteId, token, graphBaseUrl: process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com' };
}

const settings = liveSettings();
const client = createGraphClient({
  baseUrl: settings.graphBaseUrl,
  getAccessToken: async () => settings.token,
  product: 'hsb-assistant-live-tests/1',
});

function uniqueNames(tag: string): ListNames {
  const run = `${tag} ${randomUUID().slice(0, 8)}`;
  return {
    assessments: `HSB test ${run} assessments`,
    auditLog: `HSB test ${run} audit`,
    documents: `HSB test ${run} documents`,
    children: `HSB test ${run} children`,
    cases: `HSB test ${run} cases`,
    caseParticipants: `HSB test ${run} participants`,
    chronology: `HSB test ${run} chronology`,
  };
}

async function provisioned(names: ListNames[]): Promise<() => Promise<void>> {
  for (const listNames of names) {
    const plan = await provisionSharePoint(client, {
      siteId: settings.siteId,
      baseUrl: settings.graphBaseUrl,
      dryRun: false,
      listNames,
    });
    if (plan.problems) throw new Error(`Provisioning reported ${plan.problems} problem(s).`);
  }
  return async () => {
    const lists = (await client.api(`/sites/${settings.siteId}/lists?$select=id,displayName`).get()) as {
      value: { id: string; displayName: string }[];
    };
    const ours = new Set(names.flatMap((n) => Object.values(n)));
    for (const list of lists.value.filter((l) => ours.has(l.displayName))) {
      await client.api(`/sites/${settings.siteId}/lists/${list.id}`).delete();
    }
  };
}

function storeFor(namesBySchool: Record<string, ListNames>): SharePointAssessmentStore {
  return new SharePointAssessmentStore({
    graphBaseUrl: settings.graphBaseUrl,
    getAccessToken: async () => settings.token,
    product: 'hsb-assistant-live-tests/1',
    site: { siteId: settings.siteId },
    listNames: (schoolId) => namesBySchool[schoolId]!,
  });
}

describeAssessmentRepositoryContract('SharePoint (live tenant)', async () => {
  const names = { 'school-a': uniqueNames('a'), 'school-b': uniqueNames('b') };
  const remove = await provisioned(Object.values(names));
  return { store: storeFor(names), cleanup: remove };
});

describe('SharePoint document library (live tenant)', () => {
  it('keeps an exported document with its columns', async () => {
    const names = uniqueNames('docs');
    const remove = await provisioned([names]);
    try {
      const store = storeFor({ school: names });
      const created = await store.forSchool('school').create(assessmentData(), changeContext(new Date()));
      const saved = await store.documentsFor('school').save(
        {
          assessmentId: created.record.id,
          caseRef: created.record.caseRef,
          audience: 'staff',
          fileName: `${created.record.caseRef}-staff.docx`,
          contentType: DOCX_CONTENT_TYPE,
          content: new Uint8Array(Buffer.from('PK test')),
        },
        { actor: testActor, at: new Date() },
      );
      expect(saved.webUrl).toMatch(/^https:\/\//);
    } finally {
      await remove();
    }
  });
});
