#!/usr/bin/env node
'use strict';
require('./launch')('portal-read-models', 'apps/projector/src/read-models-cli.js');
