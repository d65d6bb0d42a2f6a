"use client";
import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";
import { toastDemand } from "@/lib/toast";

const Toaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

/** Mounts sonner's Toaster only once a toast is asked for (lib/toast.ts), so pages without one never load it. */
export function LazyToaster() {
  const wanted = useSyncExternalStore(toastDemand.subscribe, toastDemand.wanted, () => false);
  return wanted ? <Toaster position="top-center" richColors closeButton /> : null;
}
