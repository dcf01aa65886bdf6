export { completeDocument } from './complete-document';
export type { Operation, Schema, Success, Table } from './operation';
export { COMPONENTS } from './schemas';
export { ADMIN, AUDIT, OPERATIONS, STAFF_SESSION, SUPPORT } from './staff.table';
export { OFFICES } from './offices.table';
export { PORTAL } from './portal.table';
