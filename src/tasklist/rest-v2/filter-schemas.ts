import { z } from 'zod';
import { parseDateTimeWithOffset } from '../domain/dates';

/*
 * The building blocks of the REST API's request bodies: keys, dates, the
 * advanced filter forms (`{$eq, $neq, $exists, $in, $notIn, $like, $gt, ...}`),
 * sorting and paging. Each carries the wording of its expectation, which the
 * 400 problem quotes ("The value for page.limit is '0' but must be ...").
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A Java long as text: Camunda's key format. */
export const longKey = z
  .string({ error: 'a key (a string of digits)' })
  .refine(
    (value) =>
      /^-?[0-9]{1,19}$/.test(value) &&
      BigInt(value) >= INT64_MIN &&
      BigInt(value) <= INT64_MAX,
    { error: 'a key (a string of digits)' },
  );

const DATE_TIME = 'an RFC 3339 date-time with an offset';

/** An RFC 3339 date-time with an offset, as epoch milliseconds. */
export const dateTime = z
  .string({ error: DATE_TIME })
  .transform((value, context) => {
    const ms = parseDateTimeWithOffset(value);
    if (ms === undefined) {
      context.addIssue({ code: 'custom', message: DATE_TIME, input: value });
      return z.NEVER;
    }
    return ms;
  });

const strings = z.array(z.string(), { error: 'a list of strings' });

/** A string or `{$eq, $neq, $exists, $in, $notIn, $like}`. */
export const stringFilter = z.union(
  [
    z.string(),
    z.strictObject({
      $eq: z.string().optional(),
      $neq: z.string().optional(),
      $exists: z.boolean().optional(),
      $in: strings.optional(),
      $notIn: strings.optional(),
      $like: z.string().optional(),
    }),
  ],
  {
    error: 'a string or an object of $eq, $neq, $exists, $in, $notIn and $like',
  },
);
export type StringFilter = z.output<typeof stringFilter>;

/** A date-time or `{$eq, $neq, $exists, $gt, $gte, $lt, $lte, $in}`. */
export const dateFilter = z.union(
  [
    dateTime,
    z.strictObject({
      $eq: dateTime.optional(),
      $neq: dateTime.optional(),
      $exists: z.boolean().optional(),
      $gt: dateTime.optional(),
      $gte: dateTime.optional(),
      $lt: dateTime.optional(),
      $lte: dateTime.optional(),
      $in: z.array(dateTime).optional(),
    }),
  ],
  {
    error: `${DATE_TIME}, or an object of $eq, $neq, $exists, $gt, $gte, $lt, $lte and $in`,
  },
);
export type DateFilter = z.output<typeof dateFilter>;

const int32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

/** An integer or `{$eq, $neq, $exists, $gt, $gte, $lt, $lte, $in}`. */
export const integerFilter = z.union(
  [
    int32,
    z.strictObject({
      $eq: int32.optional(),
      $neq: int32.optional(),
      $exists: z.boolean().optional(),
      $gt: int32.optional(),
      $gte: int32.optional(),
      $lt: int32.optional(),
      $lte: int32.optional(),
      $in: z.array(int32).optional(),
    }),
  ],
  {
    error:
      'an integer or an object of $eq, $neq, $exists, $gt, $gte, $lt, $lte and $in',
  },
);
export type IntegerFilter = z.output<typeof integerFilter>;

/** An enum value or `{$eq, $neq, $exists, $in, $like}` over its values. */
export function enumFilter<const T extends readonly [string, ...string[]]>(
  values: T,
) {
  const value = z.enum(values);
  return z.union(
    [
      value,
      z.strictObject({
        $eq: value.optional(),
        $neq: value.optional(),
        $exists: z.boolean().optional(),
        $in: z.array(value).optional(),
        $like: z.string().optional(),
      }),
    ],
    {
      error: `one of ${values.join(', ')}, or an object of $eq, $neq, $exists, $in and $like`,
    },
  );
}

/**
 * `[{field, order}]` over the given fields, each at most once (a repeated
 * field orders nothing and only makes the query heavier); the order
 * defaults to ASC.
 */
export function sortList<const T extends readonly [string, ...string[]]>(
  fields: T,
) {
  return z
    .array(
      z.strictObject({
        field: z.enum(fields, { error: `one of ${fields.join(', ')}` }),
        order: z.enum(['ASC', 'DESC'], { error: 'ASC or DESC' }).optional(),
      }),
      { error: 'a list of {field, order}' },
    )
    .refine(
      (list) => new Set(list.map((entry) => entry.field)).size === list.length,
      { error: 'a list naming each field at most once' },
    );
}

/** The largest page we serve; GraphQL's `pageSize` has the same limit. */
export const MAX_PAGE_SIZE = 1_000;

const cursor = z
  .string({ error: 'a cursor from a previous response' })
  .min(1, { error: 'a cursor from a previous response' });

/** `{from, limit}`, `{after, limit}` or `{before, limit}`. */
export const pageRequest = z.strictObject({
  from: z
    .number()
    .int({ error: 'a non-negative integer' })
    .min(0, { error: 'a non-negative integer' })
    .optional(),
  limit: z
    .number()
    .int({ error: `an integer from 1 to ${MAX_PAGE_SIZE}` })
    .min(1, { error: `an integer from 1 to ${MAX_PAGE_SIZE}` })
    .max(MAX_PAGE_SIZE, { error: `an integer from 1 to ${MAX_PAGE_SIZE}` })
    .optional(),
  after: cursor.optional(),
  before: cursor.optional(),
});
export type PageInput = z.output<typeof pageRequest>;
