"use client";
export { PageError as default } from "@/components/states/page-error";
