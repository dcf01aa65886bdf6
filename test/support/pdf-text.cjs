// Prints the text of the PDF read on stdin, with pdf-parse. Run as a child process:
// pdf-parse loads pdf.js's worker with a dynamic import, which Jest's VM cannot do.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    process.stdout.write((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
});
