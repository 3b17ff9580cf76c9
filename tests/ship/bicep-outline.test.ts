import { BicepSyntaxError, get, parseBicep } from './support/bicep-outline';

// The reader the infra tests rely on: if it misreads Bicep, those tests prove nothing.
describe('the Bicep reader used by the infra tests', () => {
  const outline = parseBicep(`
// a comment with { braces } and 'quotes'
@description('Name: letters only. It\\'s short.')
@minLength(3)
@allowed([
  'abc'
  'defg'
])
param name string = 'abc'

/* block
   comment */
param count int

var host = '\${name}-\${toLower('X{Y}')}.example.net'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-\${name}'
  properties: {
    httpsOnly: true
    retries: 3
    off: null
    pick: empty(name) ? 'a' : name
    list: [
      { id: 'one', on: false }
      'two'
    ]
    'hidden-link:\${site.id}': 'Resource'
  }
}

output SITE_ID string = site.id
`);

  it('reads parameters with their decorators and defaults', () => {
    const name = outline.params.get('name')!;
    expect(name.decorators).toEqual([
      { name: 'description', args: "'Name: letters only. It\\'s short.'" },
      { name: 'minLength', args: '3' },
      { name: 'allowed', args: "['abc' 'defg']" },
    ]);
    expect(name.defaultValue).toBe('abc');
    expect(outline.params.get('count')).toEqual({ name: 'count', type: 'int', decorators: [] });
  });

  it('keeps interpolations, including braces inside nested strings, as written', () => {
    expect(outline.vars.get('host')).toBe("${name}-${toLower('X{Y}')}.example.net");
  });

  it('reads resource bodies as values, and expressions as source text', () => {
    const site = outline.resources.get('site')!;
    expect(site).toMatchObject({ type: 'Microsoft.Web/sites', apiVersion: '2023-12-01' });
    expect(get(site.body, 'properties.httpsOnly')).toBe(true);
    expect(get(site.body, 'properties.retries')).toBe(3);
    expect(get(site.body, 'properties.off')).toBeNull();
    expect(get(site.body, 'properties.pick')).toEqual({ expr: "empty(name) ? 'a' : name" });
    expect(get(site.body, 'properties.list')).toEqual([{ id: 'one', on: false }, 'two']);
    expect(get(site.body, 'properties.hidden-link:${site.id}')).toBeUndefined();
    expect((site.body['properties'] as Record<string, unknown>)['hidden-link:${site.id}']).toBe('Resource');
    expect(outline.outputs.get('SITE_ID')).toEqual({
      name: 'SITE_ID',
      type: 'string',
      value: { expr: 'site.id' },
    });
  });

  it('refuses what it does not understand rather than guessing', () => {
    expect(() => parseBicep("module m './m.bicep' = {}")).toThrow(BicepSyntaxError);
    expect(() => parseBicep("param p string = 'open")).toThrow(BicepSyntaxError);
    expect(() => parseBicep("resource r 'T@1' = [for i in range(0, 2): {}]")).toThrow(BicepSyntaxError);
  });
});
