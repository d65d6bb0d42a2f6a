"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast";
import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";

export function MarkAllReadButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => toast.error(describeError(error).message),
    }),
  );
  return (
    <Button variant="secondary" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
      Mark all read
    </Button>
  );
}
