#!/usr/bin/env node
'use strict';
require('./launch')('portal-legacy', 'apps/api/src/cli/legacy-cli.js');
