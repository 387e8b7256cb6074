import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../common/problem/problem-details';

const PROBLEM = {
  [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } },
};

const INVALID_INPUT =
  'A parameter, query or body field is invalid (`validation-error`, with `errors`), or the ' +
  'body is not JSON (`invalid-json`).';
const TOO_LARGE = 'The request body is larger than the server accepts.';
const MEDIA_TYPE = 'The request body is not `application/json`.';
const DATABASE_DOWN = 'The database is not reachable right now (`database-unavailable`); retry.';

/** Routes that answer without the database, so never with `database-unavailable`. */
const WITHOUT_DATABASE = new Set(['/api/v1/health/live']);

/**
 * The problem responses every route shares, because the HTTP layer gives them and not the
 * route: 400 from the global ValidationPipe or the JSON parser wherever there is input, 413/415
 * wherever there is a body, 503 wherever the database is used. Added here once, so that the
 * spec lists every status a route can answer; a route's own description of a status wins.
 */
export function addCommonProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      const responses = operation.responses;
      const add = (status: string, description: string): void => {
        responses[status] ??= { description, content: PROBLEM };
      };
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody)
        add('400', INVALID_INPUT);
      if (operation.requestBody) {
        add('413', TOO_LARGE);
        add('415', MEDIA_TYPE);
      }
      if (!WITHOUT_DATABASE.has(path)) add('503', DATABASE_DOWN);
    }
  }
  return document;
}
