// GET /api/v1/messaging: the pay-later sentence for an amount, authenticated by a store's publishable key and open to
// any origin (it is read from shops' own product pages), plus the small script that renders it there.
import { getDb, type Db } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { logger } from "@/server/log";
import { storeMessaging } from "@/server/services/developers/publishable-key";
import { HTTP_STATUS_OF_DOMAIN, problemOf } from "./problem";
import { messagingQuery } from "./schemas";

/** Open to every origin, for GET only: the answer names no one and the key is public. */
export const MESSAGING_CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "access-control-allow-headers": "authorization",
  "access-control-max-age": "86400",
};

function answer(status: number, body: unknown, contentType = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": contentType, "cache-control": "no-store", ...MESSAGING_CORS } });
}

export async function handleMessagingRequest(request: Request, db: Db = getDb()): Promise<Response> {
  const url = new URL(request.url);
  const parsed = messagingQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    return answer(
      400,
      problemOf(
        400,
        "INVALID_REQUEST",
        "The request's query is not valid.",
        parsed.error.issues.map((i) => ({ path: ["query", ...i.path.map(String)].join("."), message: i.message })),
      ),
      "application/problem+json",
    );
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  try {
    const body = await storeMessaging(db, {
      publishableKey: parsed.data.key ?? bearer ?? "",
      amountFen: parsed.data.amountFen,
      locale: parsed.data.locale,
    });
    return answer(200, body);
  } catch (error) {
    if (error instanceof DomainError) {
      const status = HTTP_STATUS_OF_DOMAIN[error.code];
      return answer(status, problemOf(status, error.code, error.message), "application/problem+json");
    }
    logger.error({ err: error, path: "/messaging" }, "messaging request failed");
    return answer(500, problemOf(500, "INTERNAL", "Something went wrong on our side."), "application/problem+json");
  }
}

/**
 * The embeddable script. On a page:
 *   <script src="https://<houfu>/api/v1/messaging.js" data-key="hk_pub_…" async></script>
 *   <p data-houfu-messaging data-amount-fen="129900" data-locale="zh-CN"></p>
 * It fills each such element with the sentence (as text, never HTML), or leaves it empty; after changing an amount,
 * call window.HoufuMessaging.refresh(). No eval and no inline code: it runs under a strict script-src with its origin.
 */
export const MESSAGING_SCRIPT = `(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var defaultKey = script.getAttribute("data-key") || "";
  function localeOf(el) {
    var asked = el.getAttribute("data-locale") || document.documentElement.lang || "en";
    return asked.toLowerCase().indexOf("zh") === 0 ? "zh-CN" : "en";
  }
  function render(el) {
    var key = el.getAttribute("data-key") || defaultKey;
    var amount = el.getAttribute("data-amount-fen") || "";
    if (!key || !/^[0-9]{1,9}$/.test(amount)) { el.textContent = ""; return; }
    var url = origin + "/api/v1/messaging?amountFen=" + amount + "&locale=" + encodeURIComponent(localeOf(el)) + "&key=" + encodeURIComponent(key);
    fetch(url, { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (m) {
        el.textContent = m && m.eligible ? m.sentence : "";
        el.setAttribute("data-houfu-eligible", m && m.eligible ? "true" : "false");
      })
      .catch(function () { el.textContent = ""; });
  }
  function refresh() {
    var els = document.querySelectorAll("[data-houfu-messaging]");
    for (var i = 0; i < els.length; i++) render(els[i]);
  }
  window.HoufuMessaging = { refresh: refresh };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();
`;
