import { MongoClient } from 'mongodb';
import {
  createMongoClient,
  dbNameFromUrl,
  MAJORITY_WTIMEOUT_MS,
  mongoClientOptions,
  MongoUrlError,
  mongoUrlProblem,
} from './mongo-client';

// The driver parses a connection string in the MongoClient constructor and connects only on
// first use, so these clients are never connected (nothing to close).
describe('the MongoDB client boundary', () => {
  it('pins the primary and a majority write concern with a bounded wait, keeping the other options', () => {
    expect(mongoClientOptions()).toEqual({
      readPreference: 'primary',
      writeConcern: { w: 'majority', wtimeoutMS: MAJORITY_WTIMEOUT_MS },
    });
    expect(
      mongoClientOptions({
        maxPoolSize: 20,
        readPreference: 'secondary',
        writeConcern: { w: 1, wtimeoutMS: 2500 },
      }),
    ).toEqual({
      maxPoolSize: 20,
      readPreference: 'primary',
      writeConcern: { w: 'majority', wtimeoutMS: 2500 },
    });
  });

  it('hands those options to the driver, for a replica set of several hosts and for an SRV name', () => {
    for (const url of [
      'mongodb://a.example.test:27017,b.example.test:27018,c.example.test/portal?replicaSet=rs0',
      'mongodb+srv://svc:pw-1@cluster0.example.test/portal',
    ]) {
      const client = createMongoClient(url);
      expect(client.options.readPreference.mode).toBe('primary');
      expect(client.options.writeConcern).toMatchObject({ w: 'majority', wtimeoutMS: MAJORITY_WTIMEOUT_MS });
      expect(client.options.dbName).toBe('portal');
      // A collection opened without its own write concern inherits the client's.
      expect(client.db().collection('any').writeConcern).toMatchObject({
        w: 'majority',
        wtimeoutMS: MAJORITY_WTIMEOUT_MS,
      });
    }
    expect(createMongoClient('mongodb://a:1,b:2/portal?replicaSet=rs0').options.hosts.map(String)).toEqual([
      'a:1',
      'b:2',
    ]);
  });

  it('keeps the bound only where a store carries it over: an own write concern replaces the whole', () => {
    const db = createMongoClient('mongodb://a/portal').db();
    expect(db.collection('x', { writeConcern: { w: 'majority' } }).writeConcern?.wtimeoutMS).toBeUndefined();
    expect(
      db.collection('x', { writeConcern: { ...db.writeConcern, w: 'majority' } }).writeConcern,
    ).toMatchObject({ w: 'majority', wtimeoutMS: MAJORITY_WTIMEOUT_MS });
  });

  it('refuses a URL asking for another read preference or w, rather than override it silently', () => {
    for (const [url, words] of [
      [
        'mongodb://a,b/portal?replicaSet=rs0&readPreference=secondaryPreferred',
        'readPreference=secondaryPreferred',
      ],
      ['mongodb://a/portal?readPreference=nearest', 'readPreference=nearest'],
      ['mongodb://a/portal?w=1', 'w=1'],
    ]) {
      expect(mongoUrlProblem(url)).toContain(words);
      expect(() => createMongoClient(url)).toThrow(MongoUrlError);
    }
    expect(mongoUrlProblem('mongodb://a/portal?readPreference=primary&w=majority')).toBeUndefined();
  });

  it("refuses what the driver's parser refuses, with its reason but never the password", () => {
    const cases: Array<[string, RegExp]> = [
      ['mongodb+srv://svc:Secr3t-pw@cluster0.example.test:27017/portal', /cannot have port/],
      ['mongodb+srv://svc:Secr3t-pw@a.example.test,b.example.test/portal', /multiple service names/],
      ['mongodb://svc:Secr3t-pw@a,b/portal?replicaSet=rs0&directConnection=true', /exactly one host/],
      ['mongodb://svc:Secr3t-pw@a/portal?noSuchOption=1', /not supported/],
      ['mongodb://svc:Secr3t-pw@a/portal?readPreference=sometimes', /read preference/i],
      ['mongodb://svc:Secr3t-pw@a:99999/portal', /./],
      ['mongodb://svc:Secr3t@pw@a/portal', /./],
      ['mongodb://svc:Secr3t-pw@/portal', /./],
      ['postgres://svc:Secr3t-pw@a/portal', /mongodb:\/\//],
      ['mongodb://svc:Secr3t/pw@a/portal', /./],
    ];
    for (const [url, reason] of cases) {
      const problem = mongoUrlProblem(url);
      expect([url, problem]).toEqual([url, expect.stringMatching(reason)]);
      expect(problem).not.toMatch(/Secr3t/);
      expect(() => createMongoClient(url)).toThrow(MongoUrlError);
    }
  });

  it('reads the database from the path of a multi-host URL', () => {
    expect(dbNameFromUrl('mongodb://u:p@a:1,b:2/portal%2Dtest?replicaSet=rs0')).toBe('portal-test');
    expect(dbNameFromUrl('mongodb+srv://cluster0.example.test/portal')).toBe('portal');
    expect(dbNameFromUrl('mongodb://a:1,b:2/?replicaSet=rs0')).toBeUndefined();
    expect(dbNameFromUrl('mongodb://a')).toBeUndefined();
    // As the driver reads it.
    expect(new MongoClient('mongodb://u:p@a:1,b:2/portal%2Dtest?replicaSet=rs0').options.dbName).toBe(
      'portal-test',
    );
  });
});
