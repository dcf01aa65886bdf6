export { completeDocument } from './complete-document';
export type { Operation, Schema, Success, Table } from './operation';
export { COMPONENTS } from './schemas';
export { ADMIN, AUDIT, OPERATIONS, SUPPORT } from './staff.table';
export { OFFICES } from './offices.table';
export { PORTAL } from './portal.table';
