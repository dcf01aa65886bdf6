/** What a personal value reads as to a reader not authorised to see it (`reveal: false`). */
export const HIDDEN = '[hidden]';
