#!/usr/bin/env node
'use strict';
require('./launch')('portal-staff', 'apps/api/src/cli/staff-cli.js');
