// strip-bom 5 is ESM-only, and Jest 30 on Node 20 cannot require it (office-addin-manifest and
// @microsoft/app-manifest load it). It only drops a leading byte-order mark, which this does too.
module.exports = (text) => text.replace(/^\uFEFF/, '');
module.exports.default = module.exports;
