import "./globals.css";

// The pages' own root layout is app/[locale]/layout.tsx (<html lang> follows the locale). This one
// only passes through: it exists for app/not-found.tsx, what a path outside the pages (an unknown
// /api/… address) answers.
export default function PassThroughLayout({ children }: { children: React.ReactNode }) {
  return children;
}
