import { apiPaths, apiRoutes, withQuery } from '../paths.js';
import type {
  AwaitingReceiptResponse,
  ErasureResponse,
  RetentionReviewResponse,
  SubjectAccessResponse,
  TransferSentResponse,
} from '../records.js';
import type { TransferResponse } from '../responses.js';
import type { ApiTransport } from './api-transport.js';

/** A child's whole record: transfer to another school, subject access, retention and erasure. */
export class RecordCalls {
  constructor(private readonly http: ApiTransport) {}

  sendTransfer(childId: string, body: unknown): Promise<TransferSentResponse> {
    return this.http.json('POST', apiPaths.childTransfers(childId), { body });
  }

  confirmTransferReceipt(childId: string, transferId: string, body: unknown): Promise<TransferResponse> {
    return this.http.json('PUT', apiPaths.childTransfer(childId, transferId), { body });
  }

  transfersAwaitingReceipt(): Promise<AwaitingReceiptResponse> {
    return this.http.json('GET', apiRoutes.transfersAwaitingReceipt);
  }

  childExport(childId: string): Promise<SubjectAccessResponse> {
    return this.http.json('GET', apiPaths.childExport(childId));
  }

  retentionDue(withinDays?: number): Promise<RetentionReviewResponse> {
    return this.http.json('GET', withQuery(apiRoutes.retentionDue, { withinDays }));
  }

  eraseChild(childId: string, reason: string): Promise<ErasureResponse> {
    return this.http.json('POST', apiPaths.childErase(childId), { body: { reason } });
  }
}
