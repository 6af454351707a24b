// The styles of 长辈模式, served by /elder-mode.css only to a device that turned the mode on
// (lib/ui/elder-mode.ts says why a stylesheet). Unlayered CSS: it wins over every Tailwind layer
// whatever order the stylesheets arrive in. It mostly changes the design tokens, so every page
// follows without knowing about the mode; the few layout rules name components by data-slot.
// Following the MIIT 互联网网站适老化通用设计规范: main text at least 18 px, line spacing well
// above 1.3, contrast above 7:1, larger targets, a simpler layout.
export const ELDER_MODE_CSS = `
:root {
  /* Every rem grows by an eighth: the smallest text 16 → 18 px, headings 20 px and more,
     controls 44 → 49.5 px, and every gap and padding with them. */
  font-size: 112.5%;
  --text-xs--line-height: 1.8;
  --text-sm--line-height: 1.8;
  --text-base--line-height: 1.8;
  --text-lg--line-height: 1.6;
  /* secondary text 10:1 on white instead of 7.6:1; control borders and rules darker */
  --color-muted-foreground: #374151;
  --color-input: #4b5563;
  --color-border: #98a2b3;
}

body {
  line-height: 1.8;
  letter-spacing: 0.02em;
}

:focus-visible {
  outline-width: 3px;
  outline-offset: 3px;
}

/* A simpler layout: one column, the menu a block of large buttons above the page at every width. */
[data-slot="signed-in-layout"] {
  grid-template-columns: minmax(0, 1fr);
}
[data-slot="side-nav"] > ul {
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 7em), 1fr));
  gap: 0.5rem;
}
[data-slot="side-nav"] a {
  justify-content: center;
  border-color: var(--color-input);
}

/* The step list says 第 3 步，共 7 步 in words at every width, not only on phones. */
[data-slot="steps-position"] {
  position: static;
  width: auto;
  height: auto;
  margin: 0 0 0.5rem;
  overflow: visible;
  clip-path: none;
  white-space: normal;
}

/* The header's switch shows the mode is on. */
[data-slot="elder-mode-toggle"] {
  background: var(--color-primary-foreground);
  color: var(--color-primary);
}
[data-slot="elder-mode-toggle"] > .elder-mode-on {
  display: inline;
}
`;
