import { onBeforeUnmount, onMounted } from 'vue';
import { useDisplayStore } from '../stores/display';

/**
 * The Fullscreen API, mirrored into the display store. Browsers allow entering fullscreen only from
 * a user gesture (the F key or the button); a refusal is expected there, so it is not an error.
 */
export function useFullscreen(): { toggle: () => Promise<void> } {
  const display = useDisplayStore();
  const sync = () => display.setFullscreen(Boolean(document.fullscreenElement));

  async function toggle(): Promise<void> {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch (error) {
      console.warn('Callboard: fullscreen was refused:', (error as Error).message);
    }
    sync();
  }

  onMounted(() => {
    document.addEventListener('fullscreenchange', sync);
    sync();
  });
  onBeforeUnmount(() => document.removeEventListener('fullscreenchange', sync));
  return { toggle };
}
