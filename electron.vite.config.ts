import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

/** Three builds: the main process, the preload script and the Vue renderer (out/{main,preload,renderer}: board and settings pages). */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preload scripts must be CommonJS: Electron loads ESM preloads only without the sandbox.
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Two pages: the board (what TVs load) and the settings window, so the board never carries the editor.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          settings: resolve(__dirname, 'renderer/settings.html'),
        },
      },
    },
  },
});
