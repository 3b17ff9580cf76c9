import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AppConfig } from '../config.js';

/**
 * The bot's own state (installations and digest days; ids only): memory in local mode, Azure Blob
 * Storage in Microsoft 365 mode so that it survives restarts and is shared between instances.
 */
export function createBotStorage(config: AppConfig): Storage {
  if (config.mode === 'local') return new MemoryStorage();
  return new BlobsStorage(config.SECRET_BOT_STATE_CONNECTION_STRING, config.BOT_STATE_CONTAINER);
}
