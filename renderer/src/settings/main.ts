import { createPinia, storeToRefs } from 'pinia';
import { createApp } from 'vue';
import { createBridge } from '../bridge/create-bridge';
import { chartsPlugin } from '../charts/echarts';
import { useDisplayStore } from '../stores/display';
import SettingsApp from './SettingsApp.vue';
import { BRIDGE_KEY } from './bridge-key';
import { useDraftStore } from './stores/draft';
import '../styles/utilities.css';
import '../styles/tile-table.css';
import './settings.css';

/**
 * The settings window: its own entry (settings.html), so the board a TV loads never carries the
 * editor's code. The same app runs in the desktop app's settings window (over the preload) and as
 * the hub's admin pages (over HTTP, after the admin signed in); both speak only the Bridge.
 */

const app = createApp(SettingsApp);
const pinia = createPinia();
app.use(pinia);
// The live preview draws the board with the board's own tiles and charts.
app.use(chartsPlugin({ renderer: 'canvas', theme: storeToRefs(useDisplayStore(pinia)).theme }));
const { bridge, kind } = createBridge();
app.provide(BRIDGE_KEY, { bridge, kind });
void useDraftStore(pinia).load(bridge);
app.mount('#settings');
