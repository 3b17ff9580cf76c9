export {
  assessmentDocument,
  GUIDANCE_EDITION,
  CONFIDENTIAL_MARKING,
  type AssessmentDocument,
} from './assessment-document.js';
export {
  audienceSections,
  documentAudiences,
  type DocumentAudience,
  type DocumentSection,
} from './document-audiences.js';
export type { DocumentBlock } from './document-blocks.js';
export { xmlText } from './xml-text.js';
