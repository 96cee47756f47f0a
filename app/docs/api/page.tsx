import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "API reference · JivaPay" };

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; maxLength?: number; maximum?: number; minimum?: number; enum?: unknown[]; pattern?: string; description?: string; $ref?: string };
type Operation = { summary: string; security: Record<string, unknown>[]; requestBody?: { content: { "application/json": { schema: { $ref: string } } } }; responses: Record<string, { description: string }> };

function constraints(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.enum) parts.push(`one of ${s.enum.map(String).join(", ")}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${s.maximum}`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  return parts.join("; ");
}

function SchemaTable({ schema }: { schema: JsonSchema }) {
  const properties = Object.entries(schema.properties ?? {});
  if (!properties.length) return null;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <thead className="text-muted-foreground">
        <tr>
          <th className="py-1 pr-3 font-medium">Field</th>
          <th className="py-1 pr-3 font-medium">Type</th>
          <th className="py-1 font-medium">Rules</th>
        </tr>
      </thead>
      <tbody>
        {properties.map(([name, property]) => (
          <tr key={name} className="border-t border-border align-top">
            <td className="py-1 pr-3 font-mono">
              {name}
              {schema.required?.includes(name) ? "" : "?"}
            </td>
            <td className="py-1 pr-3">{String(property.type ?? "object")}</td>
            <td className="py-1 text-muted-foreground">{constraints(property)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A readable rendering of /api/v1/openapi.json (same zod schemas as the handlers). */
export default function ApiDocsPage() {
  const doc = buildOpenApiDocument();
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{doc.info.title}</h1>
      <p className="mt-2 text-muted-foreground">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        Authenticate with <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Machine-readable:{" "}
        <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Errors always look like{" "}
        <code className="font-mono">{`{"error":{"type","code","message","param"}}`}</code>.
      </p>
      <pre className="mt-4 overflow-x-auto rounded-md bg-muted p-3 text-xs">{`curl -X POST $JIVAPAY/api/v1/payin \\
  -H "Authorization: Bearer jp_test_demo_merchant_key" -H "Idempotency-Key: order-1001" \\
  -H "Content-Type: application/json" \\
  -d '{"amount":150000,"currency":"RUB","customer_id":"cust-42","merchant_order_id":"order-1001"}'`}</pre>
      {Object.entries(doc.paths).map(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, op]) => {
          const body = op.requestBody?.content["application/json"].schema.$ref.split("/").pop();
          return (
            <section key={`${method} ${path}`} className="mt-8 border-t border-border pt-4">
              <h2 className="flex flex-wrap items-center gap-2 font-mono text-base">
                <Badge variant={method === "get" ? "secondary" : "default"}>{method.toUpperCase()}</Badge>
                {path}
              </h2>
              <p className="mt-1">{op.summary}</p>
              <p className="mt-1 text-xs text-muted-foreground">
                Auth: {Object.keys(op.security[0] ?? {}).join(", ")} · Responses: {Object.keys(op.responses).join(", ")}
              </p>
              {body && <SchemaTable schema={schemas[body]} />}
            </section>
          );
        }),
      )}
    </main>
  );
}
