import { SiteHeader } from "@/components/layout/site-header";
import { NotFoundContent } from "@/components/states/not-found-content";

/** An address that matches no page: the shop's header and a way back, in the request's language. */
export default function NotFound() {
  return (
    <>
      <SiteHeader area="consumer" />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <NotFoundContent />
      </main>
    </>
  );
}
