// Set up by the `sharepoint` project of jest.browser.config.js: the tab harness starts the product on
// SharePoint through the local Graph fake instead of SQLite.
process.env.HSB_TEST_BACKEND = 'sharepoint';
