#!/usr/bin/env node
'use strict';
require('./launch')('portal-keys', 'apps/api/src/cli/keys-cli.js');
