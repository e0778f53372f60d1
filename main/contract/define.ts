import { z } from 'zod';

/** A request/response method of the contract: a schema for its params and one for its result. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly params: P;
  readonly result: R;
  readonly description: string;
}

/** A push event of the contract: a schema for its payload. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly description: string;
}

/** Declares a contract method. */
export function method<P extends z.ZodType, R extends z.ZodType>(
  description: string,
  params: P,
  result: R,
): MethodSpec<P, R> {
  return { description, params, result };
}

/** Declares a contract event. */
export function event<P extends z.ZodType>(description: string, payload: P): EventSpec<P> {
  return { description, payload };
}

/** Params schema for methods that take none. */
export const noParams = z.object({}).strict();
