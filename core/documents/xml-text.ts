/**
 * Characters XML 1.0 does not allow, in any escaped form: C0 controls other than tab, line feed and
 * carriage return, the non-characters U+FFFE and U+FFFF, and surrogates without their pair. One of
 * them anywhere in a .docx's text makes `word/document.xml` not well-formed and Word refuses the file.
 */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without characters that XML cannot carry; everything else is kept as written. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '');
}
