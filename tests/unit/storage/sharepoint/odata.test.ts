import { literal, nextLinkPath, query } from '../../../../storage/sharepoint/odata.js';
import { evaluate, parseFilter } from '../../../fakes/graph/odata-filter.js';

describe('OData helpers', () => {
  it('quote literals so a value cannot widen a filter', () => {
    const hostile = "x' or fields/Status ne 'y";
    const filter = `fields/RecordId eq ${literal(hostile)}`;
    const tree = parseFilter(filter);
    expect(tree).toEqual({ kind: 'compare', op: 'eq', field: 'RecordId', value: hostile });
    expect(evaluate(tree, { RecordId: 'other', Status: 'active' })).toBe(false);
  });

  it('percent-encode every query value', () => {
    expect(query({ $filter: "fields/A eq 'a&b'", $top: 5, $skip: undefined })).toBe(
      "?$filter=fields%2FA%20eq%20'a%26b'&$top=5",
    );
  });

  it('follow paging links only on the Graph host this client was given', () => {
    expect(
      nextLinkPath(
        'https://graph.microsoft.com/v1.0/sites/s/lists/l/items?$skiptoken=abc',
        'https://graph.microsoft.com',
        'v1.0',
      ),
    ).toBe('/sites/s/lists/l/items?$skiptoken=abc');
    expect(() =>
      nextLinkPath('https://evil.example/v1.0/sites/s', 'https://graph.microsoft.com', 'v1.0'),
    ).toThrow();
    expect(() =>
      nextLinkPath('http://graph.microsoft.com/v1.0/sites/s', 'https://graph.microsoft.com', 'v1.0'),
    ).toThrow();
    expect(() =>
      nextLinkPath('https://graph.microsoft.com/beta/sites/s', 'https://graph.microsoft.com', 'v1.0'),
    ).toThrow();
  });
});
