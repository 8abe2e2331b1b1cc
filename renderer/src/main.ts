import { createPinia, storeToRefs } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connectBoard } from './bridge/connect-board';
import { createBridge } from './bridge/create-bridge';
import { HOST_RELOADS_KEY } from './composables/use-soft-reload';
import { chartsPlugin } from './charts/echarts';
import { useDisplayStore } from './stores/display';
import { useRotationStore } from './stores/rotation';
import { useSnapshotStore } from './stores/snapshot';
import './styles/base.css';
import './styles/utilities.css';
import './styles/tile-table.css';

/**
 * Starts the board: the last stored snapshot first (a reload shows values at once), then the live
 * transport — the preload inside Electron, the hub anywhere else.
 */

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

const snapshots = useSnapshotStore(pinia);
snapshots.restore();
const { theme } = storeToRefs(useDisplayStore(pinia));
app.use(chartsPlugin({ renderer: 'canvas', theme }));

const { bridge, link, kind } = createBridge();
connectBoard(bridge, link, snapshots);
app.provide(HOST_RELOADS_KEY, kind === 'preload');
// The desktop app's tray and menu can pause the rotation of every board window.
const rotation = useRotationStore(pinia);
bridge.onRotationPaused?.((paused) => rotation.setPaused(paused));

app.mount('#app');
