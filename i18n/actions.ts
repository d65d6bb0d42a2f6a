"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./locales";

/** Stores the chosen language for a year; the current page re-renders in it. */
export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  if (typeof locale !== "string" || !isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
