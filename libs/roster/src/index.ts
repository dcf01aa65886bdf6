export * from './csv';
export * from './csv-roster';
export * from './mongodb-roster';
export * from './roster';
