/**
 * @portal/config: the service's configuration, read and checked once from the environment,
 * the policy settings, and the private files and directories under DATA_DIR. May import only
 * @portal/documents (the MongoDB URL checks; `.dependency-cruiser.cjs` enforces it).
 */
export * from './config';
export * from './files';
export * from './policy-settings';
export * from './passkey-settings';
export * from './sso-settings';
