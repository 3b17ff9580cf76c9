export {
  assessmentDocument,
  audienceSections,
  documentAudiences,
  GUIDANCE_EDITION,
  CONFIDENTIAL_MARKING,
  type AssessmentDocument,
  type DocumentAudience,
  type DocumentBlock,
  type DocumentSection,
} from './assessment-document.js';
export { xmlText } from './xml-text.js';
