import { PageLoading } from "@/components/states/page-loading";

export default function Loading() {
  return <PageLoading />;
}
