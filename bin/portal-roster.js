#!/usr/bin/env node
'use strict';
require('./launch')('portal-roster', 'apps/api/src/cli/roster-cli.js');
