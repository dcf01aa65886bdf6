export * from './office-codec';
export * from './offices';
