export * from './csv';
export * from './csv-roster';
export * from './roster';
