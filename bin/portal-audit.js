#!/usr/bin/env node
'use strict';
require('./launch')('portal-audit', 'apps/api/src/cli/audit-cli.js');
