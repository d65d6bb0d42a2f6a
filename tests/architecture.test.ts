// The layering rules, checked on every `npm run lint`: each rule below is one line of why.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { PayLaterStatus as StoredPayLaterStatus } from "@/db/schema";
import type { PayLaterStatus } from "@/server/domain/credit";

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", ".next", ".git", "data", "test-results", "playwright-report", ".scratch"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) || entry.name.startsWith(".next") ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

type Parsed = { file: string; useClient: boolean; imports: { specifier: string; target: string; typeOnly: boolean }[]; readsEnv: boolean };

// Where an import lands, as a path from the repository root ("@/db/client" and "../db/client" are both "db/client");
// a package stays its own name.
function target(file: string, specifier: string): string {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return specifier;
}

function parse(file: string, text: string): Parsed {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: Parsed["imports"] = [];
  let readsEnv = false;
  const add = (specifier: string, typeOnly: boolean) => imports.push({ specifier, target: target(file, specifier), typeOnly });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require"))
        add((node.arguments[0] as ts.StringLiteral).text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "process" &&
      node.name.text === "env"
    ) {
      readsEnv = true;
    } else if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "process") {
      readsEnv = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const first = source.statements[0];
  const useClient = !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client";
  return { file, useClient, imports, readsEnv };
}

const under = (prefix: string) => (to: string) => to === prefix || to.startsWith(`${prefix}/`);
// The only packages the rules may use: pure libraries (and the test tools in their tests).
const PURE_PACKAGES = /^(zod|date-fns|@date-fns\/tz|vitest|fast-check)(\/|$)/;

type Rule = { name: string; applies: (p: Parsed) => boolean; forbids: (to: string, typeOnly: boolean) => boolean; env?: true };

const RULES: Rule[] = [
  // The schema and clients sit at the bottom: server code builds on them, never the other way round.
  { name: "db/ imports nothing from server/ or app/", applies: (p) => under("db")(p.file), forbids: (to) => under("server")(to) || under("app")(to) },
  // The rules are pure functions: no storage, no framework, no I/O, no configuration (values are passed in).
  {
    name: "server/domain/ imports only itself and pure libraries (no db/, framework or Node I/O) and reads no process.env",
    applies: (p) => under("server/domain")(p.file),
    forbids: (to) => !under("server/domain")(to) && !PURE_PACKAGES.test(to),
    env: true,
  },
  // Client bundles must not pull in services, API internals or the database; they may import types (erased) and
  // server/domain, which the rule above keeps pure. The tRPC router's type (server/api/root) is how clients are typed.
  {
    name: 'client components ("use client") import no server/services, server/api internals or db/ at runtime',
    applies: (p) => p.useClient,
    forbids: (to, typeOnly) =>
      !typeOnly && (under("server/services")(to) || under("server/api")(to) || under("db")(to) || under("server/auth")(to) || to === "server/env"),
  },
];

function violations(files: Parsed[]): string[] {
  const found: string[] = [];
  for (const rule of RULES)
    for (const p of files.filter(rule.applies)) {
      for (const i of p.imports) if (rule.forbids(i.target, i.typeOnly)) found.push(`${p.file} imports "${i.specifier}" — ${rule.name}`);
      if (rule.env && p.readsEnv) found.push(`${p.file} reads process.env — ${rule.name}`);
    }
  return found;
}

describe("architecture", () => {
  const files = ["app", "components", "lib", "server", "db", "i18n"]
    .flatMap(sourceFiles)
    .map((file) => parse(file, fs.readFileSync(path.join(ROOT, file), "utf8")));

  it("finds the code it checks", () => {
    expect(files.filter((p) => p.useClient).length).toBeGreaterThan(10);
    expect(files.filter((p) => p.file.startsWith("server/domain/")).length).toBeGreaterThan(10);
  });

  it("holds every layering rule", () => {
    expect(violations(files)).toEqual([]);
  });

  it("the domain's pay-later statuses are the ones the schema stores", () => {
    expectTypeOf<PayLaterStatus>().toEqualTypeOf<StoredPayLaterStatus>();
  });

  it("catches a break of each rule", () => {
    const broken = [
      parse("db/x.ts", 'import { logger } from "../server/log";'),
      parse(
        "server/domain/x.ts",
        'import fs from "node:fs";\nimport { sql } from "drizzle-orm";\nimport { first } from "@/db/query";\nconst zone = process.env.TZ_PLATFORM;',
      ),
      parse(
        "components/x.tsx",
        '"use client";\nimport { placeOrder } from "@/server/services/orders/place-order";\nimport type { AppRouter } from "@/server/api/root";',
      ),
    ];
    expect(violations(broken)).toEqual([
      'db/x.ts imports "../server/log" — db/ imports nothing from server/ or app/',
      'server/domain/x.ts imports "node:fs" — server/domain/ imports only itself and pure libraries (no db/, framework or Node I/O) and reads no process.env',
      'server/domain/x.ts imports "drizzle-orm" — server/domain/ imports only itself and pure libraries (no db/, framework or Node I/O) and reads no process.env',
      'server/domain/x.ts imports "@/db/query" — server/domain/ imports only itself and pure libraries (no db/, framework or Node I/O) and reads no process.env',
      "server/domain/x.ts reads process.env — server/domain/ imports only itself and pure libraries (no db/, framework or Node I/O) and reads no process.env",
      'components/x.tsx imports "@/server/services/orders/place-order" — client components ("use client") import no server/services, server/api internals or db/ at runtime',
    ]);
  });
});
