#!/usr/bin/env node
'use strict';
require('./launch')('portal-seed-data', 'apps/api/src/cli/seed-data.js');
