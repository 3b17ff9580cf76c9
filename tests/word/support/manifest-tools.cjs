// Runs Microsoft's manifest tools in a plain Node process: they load an ESM-only dependency that Jest 30
// cannot require on Node 20 (COOKBOOK §5–6). Usage: node manifest-tools.cjs <manifest.xml> <out dir>
// Prints { info, unified, errors } as JSON. Network access is cut first, to prove the checks run offline.
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');

const offline = () => {
  throw new Error('network access attempted');
};
globalThis.fetch = async () => offline();
http.request = https.request = http.get = https.get = offline;

const { OfficeAddinManifest } = require('office-addin-manifest');
const { convert } = require('office-addin-manifest-converter');
const { AppManifestUtils } = require('@microsoft/app-manifest');

async function main() {
  const [xmlPath, outDir] = process.argv.slice(2);
  const info = await OfficeAddinManifest.readManifestFile(xmlPath);
  // The converter's default (a v1.17 unified manifest), as in `npm run package`.
  await convert(xmlPath, outDir, false);
  const unified = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(unified);
  process.stdout.write(JSON.stringify({ info, unified, errors }));
}

main().catch((error) => {
  process.stderr.write(`${error && error.message}\n`);
  process.exit(1);
});
