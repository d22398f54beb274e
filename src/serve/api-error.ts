// The one error the HTTP API answers with: every failure a client can cause becomes an
// ApiError, and createApp turns it into `{error: {code, message, details}}` in one place.
import { z } from 'zod';

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 500;
  readonly code: string;
  readonly details: unknown;

  constructor(status: ApiError['status'], code: string, message: string, details: unknown = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }

  /** A parameter that failed its schema: each problem with the parameter it is about. */
  static invalid(where: 'query' | 'path', error: z.ZodError): ApiError {
    const details = error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      return {
        // `code.1` (the second code of a list) is still the parameter `code`.
        parameter: keys.length ? keys.join(', ') : String(issue.path[0] ?? ''),
        in: where,
        code: issue.code,
        message: issue.message,
      };
    });
    const first = details[0];
    const message = first ? `${first.in} parameter "${first.parameter}": ${first.message}` : 'invalid parameters';
    return new ApiError(400, 'INVALID_PARAMETER', message, details);
  }
}

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('stable: INVALID_PARAMETER, NOT_FOUND, BODY_TOO_LARGE, UNAUTHORIZED, WRITE_DISABLED, INTERNAL'),
    message: z.string(),
    details: z.unknown().describe('for INVALID_PARAMETER: [{parameter, in, code, message}]'),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
