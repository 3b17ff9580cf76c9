import { fakeSharePointStore, SCHOOL_A, SCHOOL_B } from '../helpers/sharepoint-fake-store.js';
import { describeAssessmentRepositoryContract } from './assessment-repository.contract.js';
import { describeCaseRecordsContract } from './case-records.contract.js';
import { describeTrendsReadModelContract } from './trends-read-model.contract.js';
import { describeRecordErasureContract } from './record-erasure.contract.js';
import type { GraphFake } from '../fakes/graph/index.js';

describeAssessmentRepositoryContract('SharePoint through Microsoft Graph (local Graph fake)', async () => {
  const harness = await fakeSharePointStore();
  return { store: harness.store, schools: [SCHOOL_A, SCHOOL_B], cleanup: harness.close };
});

describeCaseRecordsContract('SharePoint through Microsoft Graph (local Graph fake)', async () => {
  const harness = await fakeSharePointStore();
  return { store: harness.store, schools: [SCHOOL_A, SCHOOL_B], cleanup: harness.close };
});

describeTrendsReadModelContract('SharePoint through Microsoft Graph (local Graph fake)', async () => {
  const harness = await fakeSharePointStore();
  return { store: harness.store, schools: [SCHOOL_A, SCHOOL_B], cleanup: harness.close };
});

describeRecordErasureContract('SharePoint through Microsoft Graph (local Graph fake)', async () => {
  const harness = await fakeSharePointStore();
  return {
    store: harness.store,
    schoolId: SCHOOL_A,
    scan: async () => scanFake(harness.fake, true),
    current: async () => scanFake(harness.fake, false),
    cleanup: harness.close,
  };
});

/** Every item of every list of every site: its fields, its file's path and bytes, and its versions. */
function scanFake(fake: GraphFake, withVersions: boolean): string {
  const out: string[] = [];
  for (const site of fake.sharepoint.sites.values()) {
    for (const list of site.lists.values()) {
      for (const item of list.items.values()) {
        out.push(JSON.stringify(item.fields));
        if (withVersions) out.push(JSON.stringify(item.versions.map((v) => v.fields)));
        if (item.file) out.push(item.file.path, item.file.content.toString('utf8'));
      }
    }
  }
  return out.join('\n');
}
