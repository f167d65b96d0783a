/** The widget's minified stylesheet (web/core.css + web/widget.css), provided by the esbuild build in src/server/web-assets.ts. */
declare module 'docent:widget-css' {
  const css: string;
  export default css;
}
