// Parses every .mmd file given on the command line with the npm `mermaid` parser (grammar check only, no
// rendering). Usage: npm install mermaid@11 jsdom && node check.mjs ../../target/diagrams/*.mmd
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok   ${file} (${result.diagramType})`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${file}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
