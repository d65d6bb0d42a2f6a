// Toasts without shipping sonner in every page's first load: the library (and its <Toaster>) is fetched
// the first time a toast is shown. Sonner replays toasts created before its Toaster subscribes, so none is lost.
// Success is still announced in <StatusNotice>; a toast is only the extra, visual confirmation.
type Kind = "success" | "error";

let wanted = false;
const listeners = new Set<() => void>();

function show(kind: Kind, message: string) {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void import("sonner").then((sonner) => sonner.toast[kind](message));
}

export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
};

/** For <LazyToaster>: whether any toast was asked for yet, and a way to hear when one is. */
export const toastDemand = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  wanted: () => wanted,
};
