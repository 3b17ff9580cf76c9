export {
  GraphFake,
  type Fault,
  type FaultKind,
  type GraphFakeOptions,
  type OperationInfo,
  type RandomFaults,
} from './graph-fake.js';
export {
  FakeSharePoint,
  FakeHttpError,
  type Principal,
  type FakeList,
  type FakeItem,
} from './fake-sharepoint.js';
