import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, PROBLEM_SCHEMA } from './problem-details';

/** Marks a handler that declares problem+json answers (`ApiProblemResponses`). */
export const DECLARES_PROBLEMS = 'lotse:declares-problems';

/**
 * Documents error responses of a route as `application/problem+json` with their meaning. The
 * body's schema (`ProblemDetailsDto`, which names other modules' enums) is registered on the
 * marked handlers by the document builder (src/openapi/openapi.ts): the kernel imports no
 * module.
 */
export function ApiProblemResponses(responses: Record<number, string>): MethodDecorator {
  return applyDecorators(
    SetMetadata(DECLARES_PROBLEMS, true),
    ...Object.entries(responses).map(([status, description]) =>
      ApiResponse({
        status: Number(status),
        description,
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA },
        },
      }),
    ),
  );
}
