'use strict';
/**
 * Runs one command-line tool from the compiled tree (dist/, made by `npm run build`),
 * so a checkout that was built once, or the image, runs it without compiling again.
 */
const { existsSync } = require('node:fs');
const Module = require('node:module');
const { join, relative } = require('node:path');

module.exports = function launch(name, file) {
  const script = join(__dirname, '..', 'dist', file);
  if (!existsSync(script)) {
    process.stderr.write(
      `${name}: ${relative(process.cwd(), script)} is missing: run \`npm run build\` first\n`,
    );
    process.exit(1);
  }
  // As `node dist/…` would run it: the tool is the main module and process.argv holds its arguments.
  process.argv[1] = script;
  Module.runMain();
};
