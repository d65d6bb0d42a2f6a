// Starts the example shop: `npx tsx examples/shop/server.ts` with the settings below in the environment.
import { createShop } from "./shop";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see examples/shop/README.md).`);
    process.exit(1);
  }
  return value;
}

const port = Number(process.env.PORT ?? 4000);
const shop = createShop({
  houfuUrl: (process.env.HOUFU_URL ?? "http://localhost:3000").replace(/\/$/, ""),
  secretKey: required("HOUFU_SECRET_KEY"),
  publishableKey: process.env.HOUFU_PUBLISHABLE_KEY ?? "hk_pub_lumenDemo2026Jw4Kp8Zr3Ty6",
  webhookSecret: required("HOUFU_WEBHOOK_SECRET"),
  publicUrl: (process.env.SHOP_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ""),
});

shop.listen(port, process.env.HOST ?? "127.0.0.1", () => console.log(`Lamp & Co. is open at http://127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => shop.close(() => process.exit(0)));
