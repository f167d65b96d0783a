import { UnreadableDocumentError, type Parser } from '../types.js';

/**
 * Word styles mammoth does not map by default: pandoc's and Word's code styles become `<pre>`
 * (quoted whole, lines kept), Title and Subtitle become headings, pandoc's definition styles a
 * definition list (an API signature heads its description).
 */
const STYLE_MAP = [
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Definition Term'] => dl > dt:fresh",
  "p[style-name='Definition'] => dl > dd:fresh",
];

/** `.docx` through mammoth (Word styles → semantic HTML), then the HTML structure code: Heading styles give section paths. */
export const docxParser: Parser = {
  format: 'docx',
  extensions: ['.docx'],
  async parse(bytes, { source }) {
    // Loaded with the first DOCX: a corpus without any (and every serving process) never pays for mammoth and linkedom.
    const [{ default: mammoth }, { parseHtmlString }] = await Promise.all([import('mammoth'), import('../html/document.js')]);
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true })).value;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new UnreadableDocumentError(`corrupt or unsupported DOCX (encrypted and old .doc files cannot be read): ${detail}`);
    }
    return parseHtmlString(`<!doctype html><html><body><main>${html}</main></body></html>`, source, 'docx');
  },
};
