import { randomUUID } from 'node:crypto';
import { evaluate, FilterSyntaxError, parseFilter, referencedFields } from './odata-filter.js';

/** An error the fake answers with, shaped like Graph's `{ error: { code, message } }`. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Principal {
  id: string;
  displayName: string;
  kind: 'user' | 'application';
  /** Sites this principal may use; 'all' for any. */
  sites: 'all' | ReadonlySet<string>;
}

export interface FakeColumn {
  id: string;
  name: string;
  definition: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  readOnly: boolean;
}

export interface FakeVersion {
  id: string;
  lastModifiedDateTime: string;
  lastModifiedBy: Record<string, unknown>;
  fields: Record<string, unknown>;
}

export interface FakeItem {
  id: number;
  guid: string;
  version: number;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: Record<string, unknown>;
  lastModifiedBy: Record<string, unknown>;
  versions: FakeVersion[];
  /** Document libraries: the file's path and bytes. */
  file?: { path: string; name: string; content: Buffer; contentType: string; driveItemId: string };
}

export interface FakeList {
  id: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  columns: FakeColumn[];
  items: Map<number, FakeItem>;
  nextItemId: number;
  /** SharePoint Online turns versioning on for new lists and libraries. */
  versioning: boolean;
  majorVersionLimit: number;
  driveId?: string;
  webUrl: string;
  /** Values of unique columns (lower case) → item id, as SharePoint's unique index keeps them. */
  uniqueValues: Map<string, Map<string, number>>;
}

export interface FakeSite {
  id: string;
  displayName: string;
  webUrl: string;
  lists: Map<string, FakeList>;
}

export const NOTE_MAX = 63_999;
export const TEXT_MAX = 255;

function builtInColumns(template: FakeList['template']): FakeColumn[] {
  const col = (
    name: string,
    definition: Record<string, unknown>,
    readOnly: boolean,
    indexed = false,
  ): FakeColumn => ({
    id: randomUUID(),
    name,
    definition: { name, ...definition },
    indexed,
    enforceUniqueValues: false,
    readOnly,
  });
  const common = [
    col('Title', { text: { allowMultipleLines: false, maxLength: TEXT_MAX } }, false),
    col('ID', { number: {} }, true, true),
    col('Created', { dateTime: { format: 'dateTime' } }, true),
    col('Modified', { dateTime: { format: 'dateTime' } }, true),
  ];
  return template === 'documentLibrary'
    ? [col('FileLeafRef', { text: { allowMultipleLines: false } }, false), ...common]
    : common;
}

function kindOf(column: FakeColumn): 'text' | 'note' | 'choice' | 'number' | 'dateTime' | 'other' {
  const d = column.definition;
  const text = d.text as { allowMultipleLines?: boolean } | undefined;
  if (text) return text.allowMultipleLines ? 'note' : 'text';
  if (d.choice) return 'choice';
  if (d.number) return 'number';
  if (d.dateTime) return 'dateTime';
  return 'other';
}

export function identityOf(principal: Principal): Record<string, unknown> {
  return principal.kind === 'user'
    ? { user: { id: principal.id, displayName: principal.displayName } }
    : { application: { id: principal.id, displayName: principal.displayName } };
}

export interface ItemQuery {
  filter?: string;
  top?: number;
  skip: number;
  preferNonIndexed: boolean;
}

/**
 * The SharePoint state behind the fake: sites, lists, columns, items with ETags and versions, and
 * the rules SharePoint applies to them (unique columns, field types and lengths, indexed filters past
 * the list view threshold).
 */
export class FakeSharePoint {
  readonly sites = new Map<string, FakeSite>();
  readonly groups = new Map<string, string>();
  readonly drives = new Map<string, FakeList>();

  constructor(
    readonly options: { listViewThreshold: number; defaultPageSize: number; maxPageSize: number },
  ) {}

  addSite(siteId: string, groupId?: string): FakeSite {
    const site: FakeSite = {
      id: siteId,
      displayName: `Site ${siteId}`,
      webUrl: `https://contoso.sharepoint.example/sites/${encodeURIComponent(siteId)}`,
      lists: new Map(),
    };
    this.sites.set(siteId, site);
    if (groupId) this.groups.set(groupId, siteId);
    return site;
  }

  site(siteId: string): FakeSite {
    const site = this.sites.get(siteId);
    if (!site) throw new FakeHttpError(404, 'itemNotFound', 'Requested site could not be found');
    return site;
  }

  list(siteId: string, listIdOrTitle: string): FakeList {
    const site = this.site(siteId);
    const list =
      site.lists.get(listIdOrTitle) ??
      [...site.lists.values()].find(
        (l) => l.displayName.toLowerCase() === decodeURIComponent(listIdOrTitle).toLowerCase(),
      );
    if (!list) throw new FakeHttpError(404, 'itemNotFound', 'The specified list was not found');
    return list;
  }

  listByName(siteId: string, displayName: string): FakeList | undefined {
    return [...this.site(siteId).lists.values()].find((l) => l.displayName === displayName);
  }

  createList(siteId: string, body: Record<string, unknown>): FakeList {
    const site = this.site(siteId);
    const displayName = String(body.displayName ?? '');
    if (!displayName) throw new FakeHttpError(400, 'invalidRequest', 'displayName is required');
    if ([...site.lists.values()].some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw new FakeHttpError(
        409,
        'nameAlreadyExists',
        'A list, survey, discussion board, or document library with the specified title already exists',
      );
    }
    const template = ((body.list as { template?: string } | undefined)?.template ??
      'genericList') as FakeList['template'];
    if (template !== 'genericList' && template !== 'documentLibrary') {
      throw new FakeHttpError(400, 'invalidRequest', 'Unsupported list template');
    }
    const list: FakeList = {
      id: randomUUID(),
      displayName,
      description: String(body.description ?? ''),
      template,
      columns: builtInColumns(template),
      items: new Map(),
      nextItemId: 1,
      versioning: true,
      majorVersionLimit: template === 'documentLibrary' ? 500 : 50,
      webUrl: `${site.webUrl}/Lists/${encodeURIComponent(displayName)}`,
      uniqueValues: new Map(),
    };
    for (const column of (body.columns as Record<string, unknown>[] | undefined) ?? [])
      this.addColumn(list, column);
    if (template === 'documentLibrary') {
      list.driveId = `b!${randomUUID().replace(/-/g, '')}`;
      this.drives.set(list.driveId, list);
    }
    site.lists.set(list.id, list);
    return list;
  }

  deleteList(siteId: string, listId: string): void {
    const list = this.list(siteId, listId);
    this.site(siteId).lists.delete(list.id);
    if (list.driveId) this.drives.delete(list.driveId);
  }

  addColumn(list: FakeList, body: Record<string, unknown>): FakeColumn {
    const name = String(body.name ?? '');
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name))
      throw new FakeHttpError(400, 'invalidRequest', 'Invalid column name');
    if (list.columns.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeHttpError(409, 'nameAlreadyExists', 'A duplicate field name was found');
    }
    if (!['text', 'choice', 'number', 'dateTime', 'boolean'].some((facet) => facet in body)) {
      throw new FakeHttpError(400, 'invalidRequest', 'A column needs a type facet');
    }
    const unique = body.enforceUniqueValues === true;
    const indexed = body.indexed === true;
    if (unique && !indexed) {
      throw new FakeHttpError(400, 'invalidRequest', 'A column that enforces unique values must be indexed');
    }
    const column: FakeColumn = {
      id: randomUUID(),
      name,
      definition: { ...body },
      indexed,
      enforceUniqueValues: unique,
      readOnly: false,
    };
    list.columns.push(column);
    return column;
  }

  updateColumn(list: FakeList, columnId: string, body: Record<string, unknown>): FakeColumn {
    const column = list.columns.find((c) => c.id === columnId);
    if (!column) throw new FakeHttpError(404, 'itemNotFound', 'Column not found');
    const indexed = body.indexed === undefined ? column.indexed : body.indexed === true;
    const unique =
      body.enforceUniqueValues === undefined ? column.enforceUniqueValues : body.enforceUniqueValues === true;
    if (unique && !indexed)
      throw new FakeHttpError(400, 'invalidRequest', 'A column that enforces unique values must be indexed');
    if (unique && !column.enforceUniqueValues) {
      const seen = new Set<string>();
      for (const item of list.items.values()) {
        const v = item.fields[column.name];
        if (v === undefined || v === null) continue;
        const key = String(v).toLowerCase();
        if (seen.has(key)) throw new FakeHttpError(400, 'invalidRequest', 'The column has duplicate values');
        seen.add(key);
      }
    }
    column.indexed = indexed;
    column.enforceUniqueValues = unique;
    if (unique) {
      list.uniqueValues.set(
        column.name,
        new Map(
          [...list.items.values()]
            .filter((i) => i.fields[column.name] !== undefined && i.fields[column.name] !== null)
            .map((i) => [String(i.fields[column.name]).toLowerCase(), i.id]),
        ),
      );
    }
    column.definition = { ...column.definition, indexed, enforceUniqueValues: unique };
    return column;
  }

  columnJson(column: FakeColumn): Record<string, unknown> {
    return {
      ...column.definition,
      id: column.id,
      name: column.name,
      displayName: (column.definition.displayName as string | undefined) ?? column.name,
      indexed: column.indexed,
      enforceUniqueValues: column.enforceUniqueValues,
      readOnly: column.readOnly,
    };
  }

  /** Checks written values the way SharePoint does: known, writable columns of the right type and size. */
  private validate(list: FakeList, fields: Record<string, unknown>): Record<string, unknown> {
    const clean: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (name.startsWith('@odata')) continue;
      const column = list.columns.find((c) => c.name === name);
      if (!column) throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (column.readOnly) throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' is read-only`);
      if (value === null || value === '') {
        clean[name] = null;
        continue;
      }
      switch (kindOf(column)) {
        case 'text':
        case 'note': {
          if (typeof value !== 'string')
            throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' needs text`);
          const max = kindOf(column) === 'note' ? NOTE_MAX : TEXT_MAX;
          if (value.length > max) {
            throw new FakeHttpError(
              400,
              'invalidRequest',
              `The value of field '${name}' is longer than ${max} characters`,
            );
          }
          break;
        }
        case 'choice': {
          const choices = (column.definition.choice as { choices?: string[] }).choices ?? [];
          if (typeof value !== 'string' || !choices.includes(value)) {
            throw new FakeHttpError(
              400,
              'invalidRequest',
              `'${String(value)}' is not a choice of field '${name}'`,
            );
          }
          break;
        }
        case 'number':
          if (typeof value !== 'number')
            throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' needs a number`);
          break;
        case 'dateTime':
          if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
            throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' needs a date`);
          }
          break;
        default:
          break;
      }
      clean[name] = value;
    }
    return clean;
  }

  private checkUnique(list: FakeList, fields: Record<string, unknown>, self?: FakeItem): void {
    const clashes = list.columns
      .filter((c) => c.enforceUniqueValues)
      .filter((c) => {
        const v = fields[c.name];
        if (v === undefined || v === null) return false;
        const owner = list.uniqueValues.get(c.name)?.get(String(v).toLowerCase());
        return owner !== undefined && owner !== self?.id;
      })
      .map((c) => c.name);
    if (clashes.length) {
      throw new FakeHttpError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${clashes.join(', ')}].`,
      );
    }
  }

  private indexUnique(list: FakeList, item: FakeItem, before: Record<string, unknown>): void {
    for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
      const values = list.uniqueValues.get(column.name) ?? new Map<string, number>();
      list.uniqueValues.set(column.name, values);
      const old = before[column.name];
      if (old !== undefined && old !== null) values.delete(String(old).toLowerCase());
      const now = item.fields[column.name];
      if (now !== undefined && now !== null) values.set(String(now).toLowerCase(), item.id);
    }
  }

  etag(item: FakeItem): string {
    return `"${item.guid},${item.version}"`;
  }

  private snapshot(list: FakeList, item: FakeItem): void {
    item.versions.unshift({
      id: `${item.version}.0`,
      lastModifiedDateTime: item.lastModifiedDateTime,
      lastModifiedBy: item.lastModifiedBy,
      fields: { ...item.fields },
    });
    const keep = list.versioning ? list.majorVersionLimit : 1;
    item.versions.length = Math.min(item.versions.length, keep);
  }

  createItem(list: FakeList, fieldsIn: Record<string, unknown>, by: Principal): FakeItem {
    const fields = this.validate(list, fieldsIn);
    this.checkUnique(list, fields);
    const now = new Date().toISOString();
    const item: FakeItem = {
      id: list.nextItemId++,
      guid: randomUUID(),
      version: 1,
      fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)),
      createdDateTime: now,
      lastModifiedDateTime: now,
      createdBy: identityOf(by),
      lastModifiedBy: identityOf(by),
      versions: [],
    };
    list.items.set(item.id, item);
    this.indexUnique(list, item, {});
    this.snapshot(list, item);
    return item;
  }

  /**
   * Deletes an item with its version history (and a library item's file), freeing its unique values.
   * SharePoint may keep it in the site's recycle bin; this fake keeps no recycle bin.
   */
  deleteItem(list: FakeList, item: FakeItem): void {
    list.items.delete(item.id);
    for (const values of list.uniqueValues.values()) {
      for (const [value, owner] of values) if (owner === item.id) values.delete(value);
    }
  }

  item(list: FakeList, itemId: string): FakeItem {
    const item = /^\d+$/.test(itemId) ? list.items.get(Number(itemId)) : undefined;
    if (!item) throw new FakeHttpError(404, 'itemNotFound', 'The specified item was not found');
    return item;
  }

  updateItem(
    list: FakeList,
    item: FakeItem,
    fieldsIn: Record<string, unknown>,
    by: Principal,
    ifMatch?: string,
  ): FakeItem {
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== this.etag(item)) {
      throw new FakeHttpError(
        412,
        'resourceModified',
        'The resource has changed since the caller last read it; usually an eTag mismatch',
      );
    }
    const fields = this.validate(list, fieldsIn);
    this.checkUnique(list, fields, item);
    const before = { ...item.fields };
    for (const [k, v] of Object.entries(fields)) {
      if (v === null) delete item.fields[k];
      else item.fields[k] = v;
    }
    this.indexUnique(list, item, before);
    item.version += 1;
    item.lastModifiedDateTime = new Date().toISOString();
    item.lastModifiedBy = identityOf(by);
    this.snapshot(list, item);
    return item;
  }

  /** Items matching a query, in id order, one page at a time. */
  queryItems(list: FakeList, q: ItemQuery): { page: FakeItem[]; more: boolean } {
    let items = [...list.items.values()];
    if (q.filter) {
      let tree;
      try {
        tree = parseFilter(q.filter);
      } catch (error) {
        if (error instanceof FilterSyntaxError)
          throw new FakeHttpError(400, 'invalidRequest', `Invalid filter clause: ${error.message}`);
        throw error;
      }
      for (const name of referencedFields(tree)) {
        const column = list.columns.find((c) => c.name === name);
        if (!column) throw new FakeHttpError(400, 'invalidRequest', `Field '${name}' is not recognized`);
        if (column.indexed) continue;
        if (!q.preferNonIndexed) {
          throw new FakeHttpError(
            400,
            'invalidRequest',
            `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
          );
        }
        if (list.items.size > this.options.listViewThreshold) {
          throw new FakeHttpError(
            400,
            'invalidRequest',
            'The attempted operation is prohibited because it exceeds the list view threshold.',
          );
        }
      }
      items = items.filter((item) => evaluate(tree, { ...item.fields, ID: item.id }));
    }
    const size = Math.min(q.top ?? this.options.defaultPageSize, this.options.maxPageSize);
    return { page: items.slice(q.skip, q.skip + size), more: q.skip + size < items.length };
  }

  /** Uploads or replaces a file by path in a library; a replaced file gets a new version. */
  putFile(list: FakeList, path: string, content: Buffer, contentType: string, by: Principal): FakeItem {
    const clean = path.split('/').filter(Boolean).join('/');
    if (!clean || clean.split('/').some((seg) => /[\\:*?"<>|#%]/.test(seg))) {
      throw new FakeHttpError(400, 'invalidRequest', 'The file name is not valid');
    }
    const existing = this.fileByPath(list, clean);
    if (existing) {
      existing.file!.content = content;
      existing.file!.contentType = contentType;
      return this.updateItem(list, existing, {}, by);
    }
    const name = clean.split('/').pop()!;
    const item = this.createItem(list, { FileLeafRef: name }, by);
    item.file = {
      path: clean,
      name,
      content,
      contentType,
      driveItemId: `01${randomUUID().replace(/-/g, '').toUpperCase()}`,
    };
    return item;
  }

  fileByPath(list: FakeList, path: string): FakeItem | undefined {
    const clean = path.split('/').filter(Boolean).join('/');
    return [...list.items.values()].find((i) => i.file?.path === clean);
  }
}
