import { hasDotSegments } from '../../../bot/src/http/path-guard.js';

describe('hasDotSegments', () => {
  it.each([
    '/tab/../api',
    '/api/./x',
    '/a/%2e%2e/b',
    '/a/%2E/b',
    '/a/..%2f..%2fetc',
    '/a/%5c..',
    '/..',
    '/a/.',
  ])('finds one in %s', (path) => expect(hasDotSegments(path)).toBe(true));

  it.each([
    '/',
    '/api/assessments',
    '/tab/',
    '/tab/assets/index-3f2a.js',
    '/word/.well-known-ish',
    '/a/...',
    '/a/%ZZ',
    '/a/b.c',
  ])('finds none in %s', (path) => expect(hasDotSegments(path)).toBe(false));
});
