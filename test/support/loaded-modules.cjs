// Preloaded (`node --require`) into a service process a test starts: on SIGUSR2 it
// writes the files of every CommonJS module loaded so far to LOADED_MODULES_FILE (JSON).
const { renameSync, writeFileSync } = require('node:fs');

process.on('SIGUSR2', () => {
  const file = process.env.LOADED_MODULES_FILE;
  writeFileSync(`${file}.tmp`, JSON.stringify(Object.keys(require.cache)));
  renameSync(`${file}.tmp`, file);
});
