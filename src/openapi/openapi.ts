import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import {
  ApiExtraModels,
  DECORATORS,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { DECLARES_PROBLEMS } from '../common/problem/api-problem-responses.decorator';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo-data/demo-world';
import { Role } from '../auth/role';
import { DISPLAY_NAME, DISPLAY_NAME_SCHEMA } from '../labels/labels.dto';
import { addCommonResponses } from './common-responses';
import { ProblemDetailsDto } from './problem-details.dto';
import {
  declareResponseHeaders,
  describePermissions,
  describeSuccessResponses,
  dropDtoSuffix,
  nameInlineEnums,
  orderTagsAndPaths,
  shareRecurringParameters,
  shareRepeatedResponses,
  splitOperationTexts,
  typeIntegers,
} from './refine-document';
import { addProblemExamples } from './problem-examples';
import { addRequestExamples, LOGIN_EXAMPLE } from './request-examples';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';
export const DOCS_YAML_PATH = 'api/docs-yaml';

const DESCRIPTION = `Lotse connects a jobcenter with the providers (Träger) of outreach social work
(Aufsuchende Hilfe). The jobcenter refers a client to a provider (Zuweisung); the provider reports
back, and the jobcenter sees only what the client released (Schweigepflichtentbindung), category
by category.

## Start here

1. Open **Auth → POST /auth/login**, press **Try it out**, enter your email address and password
   and press **Execute**. Copy the \`accessToken\` from the response.
2. Press **Authorize** (top right), paste the token under **bearer** and press **Authorize**.
   Swagger UI keeps it when you reload the page; it is valid for 15 minutes
   (\`POST /auth/refresh\` renews it).
3. Try \`GET /me\`: it shows who you are and which permissions you hold. Every operation lists
   the permission it needs.
4. To change something, first read it: the response has an \`ETag\` header (e.g. \`"3"\`).
   Put that value into the **If-Match** field of the change. Without it the answer is \`428\`;
   if somebody changed the resource in between, \`412\`: read it again and repeat.

Provider systems authorise with an API key instead (**api-key**: \`ApiKey <key>\`).

## Conventions

Errors are \`application/problem+json\` (RFC 9457) with a stable \`type\` per kind
(\`urn:lotse:problem:<kind>\`) and the \`requestId\` of the call; \`title\` follows
\`Accept-Language\` (German or English). Lists are paginated by cursor: pass a page's
\`nextCursor\` as \`cursor\` to get the next one. Display names of every enum value, in German
and English: \`GET /labels\`.

Every caller (user, API key; the source address when anonymous) may make
\`RATE_LIMIT_PER_MINUTE\` requests a minute (default 600), and of these
\`RATE_LIMIT_EXPENSIVE_PER_MINUTE\` (default 30) to the expensive routes together (statistics,
report submission, verifying the audit trail); all instances count together. The
\`RateLimit-*\` headers say how many are left of the limit that binds the route, and past it
the answer is 429 with \`Retry-After\`.`;

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
        description: [
          'The `accessToken` from POST /auth/login, valid for 15 minutes: a JWS following RFC8725',
          '(JSON Web Token Best Current Practices). Lotse accepts only HS256 (no `none`, no',
          'algorithm from the token), and checks the signature, `typ: at+jwt` (RFC 9068),',
          'issuer, audience, `exp`, `nbf`, and that the session it names is still live.',
        ].join(' '),
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
  registerProblemSchema(app);
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  document.components!.schemas![DISPLAY_NAME_SCHEMA] = { ...DISPLAY_NAME };
  splitOperationTexts(document);
  describePermissions(document);
  addCommonResponses(document);
  declareResponseHeaders(document);
  nameInlineEnums(document);
  dropDtoSuffix(document);
  typeIntegers(document);
  describeSuccessResponses(document);
  addRequestExamples(document);
  shareRecurringParameters(document);
  shareRepeatedResponses(document);
  orderTagsAndPaths(document);
  return document;
}

/**
 * Registers the problem body's schema on every handler that declares problem+json answers, as
 * `ApiProblemResponses` (src/common/, which imports no module) would have: the schemas keep
 * their order, and the shared enums their descriptions from `ProblemDetailsDto`.
 */
function registerProblemSchema(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: object } | null)?.prototype;
      if (!prototype) continue;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
        const handler: unknown = descriptor?.value;
        if (typeof handler !== 'function' || !Reflect.getMetadata(DECLARES_PROBLEMS, handler)) {
          continue;
        }
        const models = (Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, handler) ??
          []) as unknown[];
        if (!models.includes(ProblemDetailsDto)) {
          ApiExtraModels(ProblemDetailsDto)(prototype, key, descriptor);
        }
      }
    }
  }
}

/**
 * The document as Swagger UI serves it. Every error answer gets a short example of its own
 * (Swagger UI would otherwise show every optional member of a problem under each of a dozen
 * statuses; in the committed document they would add some 20 KB). With the demo data on, the
 * login example is the demo administrator, so that a first look needs no typing; otherwise it
 * names no real account.
 */
function servedDocument(document: OpenAPIObject, demoData: boolean): OpenAPIObject {
  const served = structuredClone(document);
  addProblemExamples(served);
  const admin = DEMO_USERS.find((user) => user.role === Role.Admin);
  if (!demoData || !admin) return served;
  const login = served.paths['/api/v1/auth/login']?.post?.requestBody;
  const media = login && 'content' in login ? login.content['application/json'] : undefined;
  if (media) media.example = { ...LOGIN_EXAMPLE, email: admin.email, password: DEMO_PASSWORD };
  return served;
}

/**
 * Swagger UI shows the headers of every response; those of the error answers (`RateLimit-*`,
 * `Access-Control-Allow-Origin`) are the same everywhere and stay in the document. On screen
 * only a success answer's headers (`ETag`, `Location`) are shown.
 */
const SWAGGER_UI_CSS = `
.swagger-ui tr.response:not([data-code^="2"]) .headers-wrapper,
.swagger-ui tr.response:not([data-code^="2"]) .response-controls { display: none; }
.swagger-ui .info .markdown h2 { font-size: 1.3em; margin-top: 1em; }
`;

export function setupSwaggerUi(
  app: INestApplication,
  document: OpenAPIObject,
  options: { demoData: boolean },
): void {
  SwaggerModule.setup(DOCS_PATH, app, servedDocument(document, options.demoData), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: DOCS_YAML_PATH,
    customSiteTitle: 'Lotse API',
    customCss: SWAGGER_UI_CSS,
    swaggerOptions: {
      persistAuthorization: true,
      displayRequestDuration: true,
      // The schema list at the end is for client generators, not for people trying things out.
      defaultModelsExpandDepth: -1,
      // "Try it out" is what an administrator comes for: the fields are editable at once.
      tryItOutEnabled: true,
      filter: true,
    },
  });
}
