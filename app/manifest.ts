import type { MetadataRoute } from "next";
import { getJurisdiction } from "@/lib/jurisdiction/config";

// Read per request: the jurisdiction comes from this instance's environment, which `next build`
// did not have (see app/layout.tsx). The icons are drawn by scripts/make-icons.ts.
export const dynamic = "force-dynamic";

export default function manifest(): MetadataRoute.Manifest {
  const j = getJurisdiction();
  return {
    name: `${j.name}${j.platformName}`,
    short_name: j.platformName,
    lang: "zh-CN",
    start_url: "/",
    display: "browser",
    background_color: "#f4f6f9",
    theme_color: "#1a4b8c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
  };
}
