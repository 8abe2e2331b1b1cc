/**
 * Renderer tests run the renderer's code, which needs the DOM's types and the renderer's own globals
 * (window.callboard, *.vue modules), inside the Node typecheck (tsconfig.json covers test/**).
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import '../../../renderer/src/env';
