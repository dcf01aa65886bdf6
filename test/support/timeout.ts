// A safety limit, not a speed check: a test that sends 50 logins at once waits for 50 argon2 hashes on
// 2 cores, which Jest's default 5 s does not always cover on a loaded machine. Set here because Jest
// reads `testTimeout` from the global configuration only: in a project's entry it is ignored.
jest.setTimeout(30_000);
