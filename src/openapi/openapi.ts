import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { addCommonProblemResponses } from './common-problem-responses';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

const DESCRIPTION = `Lotse connects a jobcenter with the providers (Träger) of outreach social work
(Aufsuchende Hilfe). The jobcenter sees only what the client released (Schweigepflichtentbindung),
category by category.

Errors are \`application/problem+json\` (RFC 9457) with a stable \`type\` per kind
(\`urn:lotse:problem:<kind>\`) and the \`requestId\` of the call. Lists are paginated by cursor:
pass a page's \`nextCursor\` as \`cursor\` to get the next one.`;

/** The OpenAPI document of the app; `npm run openapi` commits the same document. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Lotse API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Access token from POST /auth/login',
      },
      'bearer',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Provider systems: `ApiKey <key>`',
      },
      'api-key',
    )
    .build();
  return addCommonProblemResponses(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (_controllerKey, methodKey) => methodKey,
    }),
  );
}

export function setupSwaggerUi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Lotse API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}
