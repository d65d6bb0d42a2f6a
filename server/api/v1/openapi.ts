// The OpenAPI 3.1 document of the merchant API, generated from the endpoint list and its zod schemas (zod 4's
// z.toJSONSchema, whose draft 2020-12 output is OpenAPI 3.1's schema dialect). Nothing here is written by hand
// except the prose around the operations.
import { z } from "zod";
import { ENDPOINTS } from "./endpoints";
import { apiSchemas, problem, webhookEventBodies } from "./schemas";

type JsonSchema = Record<string, unknown>;
const REF = (id: string) => `#/components/schemas/${id}`;

function stripMeta(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** A schema as JSON Schema: a $ref when it is a named one, inline otherwise. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = apiSchemas.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  return stripMeta(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema);
}

function parametersOf(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const object = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === "path" || (object.required ?? []).includes(name), description, schema: rest };
  });
}

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: schemaOf(problem, "output") } } });

/** Each webhook event as OpenAPI 3.1 `webhooks`: the POST Houfu sends to your endpoint. */
function webhooksOf() {
  return Object.fromEntries(
    Object.entries(webhookEventBodies).map(([type, schema]) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(".", "_")}`,
          summary: `The ${type} event`,
          description:
            'Signed: Houfu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> with your endpoint\'s secret; Houfu-Event-Id carries the event id. Answer 2xx within 5 s; otherwise it is retried with backoff for 24 hours.',
          parameters: [
            { name: "Houfu-Signature", in: "header", required: true, schema: { type: "string" } },
            { name: "Houfu-Event-Id", in: "header", required: true, schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(schema, "output") } } },
          responses: { "200": { description: "Any 2xx marks the delivery delivered." } },
        },
      },
    ]),
  );
}

export function openApiDocument(serverUrl = "/api/v1") {
  const components = z.toJSONSchema(apiSchemas, { target: "draft-2020-12", io: "output", uri: REF, unrepresentable: "any" }) as {
    schemas: Record<string, JsonSchema>;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(endpoint.responses))
      responses[status] =
        Number(status) >= 400
          ? problemResponse(response.description)
          : {
              description: response.description,
              content: response.schema ? { "application/json": { schema: schemaOf(response.schema, "output") } } : undefined,
            };
    responses["400"] ??= problemResponse("The request is malformed (INVALID_REQUEST, INVALID_JSON, IDEMPOTENCY_KEY_REQUIRED).");
    const publishable = endpoint.auth === "publishable";
    responses["401"] = publishable
      ? problemResponse("Missing or unknown publishable key (NO_PUBLISHABLE_KEY).")
      : problemResponse("Missing, unknown or revoked key (UNAUTHENTICATED).");
    if (!publishable)
      responses["429"] = {
        ...problemResponse("Too many requests with this key (RATE_LIMITED)."),
        headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
      };
    if (endpoint.method === "POST")
      responses["422"] ??= problemResponse("The Idempotency-Key was used for a different request (IDEMPOTENCY_KEY_REUSED).");
    const idempotency =
      endpoint.method === "POST"
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              description: "Unique per operation you mean to perform; a retry with the same key and body returns the first response.",
              schema: { type: "string", minLength: 8, maxLength: 100 },
            },
          ]
        : [];
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      ...(publishable ? { security: [{ publishableKey: [] }] } : {}),
      ...(endpoint.description ? { description: endpoint.description } : {}),
      parameters: [...parametersOf(endpoint.params, "path"), ...parametersOf(endpoint.query, "query"), ...idempotency],
      ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(endpoint.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Houfu merchant API",
      version: "1.0.0",
      description:
        "Offer Houfu pay later in your own shop. Amounts are integer fen (CNY). Authenticate with a secret key from Developers in the merchant area: Authorization: Bearer hk_test_…. Errors are RFC 9457 problem details with a stable code.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    webhooks: webhooksOf(),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A secret key (hk_test_…)." },
        publishableKey: { type: "apiKey", in: "query", name: "key", description: "Your store's publishable key (hk_pub_…)." },
      },
      schemas: Object.fromEntries(Object.entries(components.schemas).map(([id, schema]) => [id, stripMeta(schema)])),
    },
  };
}
