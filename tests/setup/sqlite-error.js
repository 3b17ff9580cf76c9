// better-sqlite3 hands its native addon the SqliteError class once per process. Jest loads each test
// file in a fresh module registry and tears the last one down, so in a later file the addon would
// build its errors with a dead file's class: constraint errors (a duplicate key, a failed CHECK) were
// then lost and a failing write looked like a success. Give the addon this file's class before any
// test runs. Production loads the module once, so this concerns tests only.
const addon = require('better-sqlite3/build/Release/better_sqlite3.node');
addon.setErrorConstructor(require('better-sqlite3/lib/sqlite-error'));
