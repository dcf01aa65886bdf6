import { PageRequest } from '../page.request';

export class HistoryRequest extends PageRequest {}
