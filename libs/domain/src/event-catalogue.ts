/**
 * What an event catalogue says of each event type: its current schema version and
 * which of its fields (dot paths into `data`) need care. The lists the
 * infrastructure reads (the personal fields it seals, the secrets it expects
 * sealed, the personal fields a projection opens) are derived from one table per
 * stream, so adding an event type means adding one row, and a missing row fails
 * to compile where the table `satisfies` its type.
 */

type Leaf = string | number | boolean | null | readonly unknown[];

/** Every dot path to a value in `T` ('profile.email'), optional ones included. */
export type FieldPath<T> = T extends Leaf
  ? never
  : {
      [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf
        ? K
        : K | `${K}.${FieldPath<NonNullable<T[K]>>}`;
    }[keyof T & string];

/** An event type's partial map of field lists, as the vault's codec reads it. */
export type FieldsByType<Type extends string> = { readonly [T in Type]?: readonly string[] };

/** The types whose `list` is not empty, with that list: a type with nothing to list is left out. */
export function fieldsByType<Type extends string, List extends string>(
  catalogue: { readonly [T in Type]: { readonly [L in List]: readonly string[] } },
  list: List,
): FieldsByType<Type> {
  const out: { [T in Type]?: readonly string[] } = {};
  for (const type of Object.keys(catalogue) as Type[]) {
    const fields = catalogue[type][list];
    if (fields.length > 0) out[type] = fields;
  }
  return out;
}
