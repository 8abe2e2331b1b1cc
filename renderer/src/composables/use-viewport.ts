import { onBeforeUnmount, onMounted } from 'vue';
import { useDisplayStore } from '../stores/display';

/** Keeps the display store's viewport (chart font sizes are computed from it) in step with the window. */
export function useViewport(): void {
  const display = useDisplayStore();
  const measure = () => display.setViewport(window.innerWidth, window.innerHeight);
  onMounted(() => {
    measure();
    window.addEventListener('resize', measure);
  });
  onBeforeUnmount(() => window.removeEventListener('resize', measure));
}
