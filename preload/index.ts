import { contextBridge } from 'electron';

/**
 * The preload bridge. It exposes a frozen, versioned marker for now; the Bridge interface (invoke and
 * push channels validated against the shared contract) is added with the main-process core.
 */
contextBridge.exposeInMainWorld('callboard', Object.freeze({ bridgeVersion: 0 }));
