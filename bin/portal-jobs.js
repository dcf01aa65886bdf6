#!/usr/bin/env node
'use strict';
require('./launch')('portal-jobs', 'apps/worker/src/jobs-cli.js');
