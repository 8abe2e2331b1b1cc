import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createBridge } from '../bridge/create-bridge';
import SettingsApp from './SettingsApp.vue';
import { BRIDGE_KEY } from './bridge-key';
import { useDraftStore } from './stores/draft';
import '../styles/utilities.css';
import './settings.css';

/**
 * The settings window: its own entry (settings.html), so the board a TV loads never carries the
 * editor's code. The same app runs in the desktop app's settings window (over the preload) and as
 * the hub's admin pages (over HTTP, after the admin signed in); both speak only the Bridge.
 */

const app = createApp(SettingsApp);
const pinia = createPinia();
app.use(pinia);
const { bridge, kind } = createBridge();
app.provide(BRIDGE_KEY, { bridge, kind });
void useDraftStore(pinia).load(bridge);
app.mount('#settings');
