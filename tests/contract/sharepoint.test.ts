import { fakeSharePointStore, SCHOOL_A, SCHOOL_B } from '../helpers/sharepoint-fake-store.js';
import { describeAssessmentRepositoryContract } from './assessment-repository.contract.js';
import { describeCaseRecordsContract } from './case-records.contract.js';
import { describeTrendsReadModelContract } from './trends-read-model.contract.js';

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
