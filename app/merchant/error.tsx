"use client";
export { StaffPageError as default } from "@/components/states/staff-error";
