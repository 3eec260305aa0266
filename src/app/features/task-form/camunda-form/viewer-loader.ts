/**
 * Loads form-js's side of {@link CamundaForm} (its own chunk) and remembers
 * it once loaded. Kept apart from `camunda-form.tsx` so a route loader can
 * start the load without pulling the component into the first bundle.
 */
import type { ComponentType } from 'react';
import type { CamundaFormProps } from './contract';

export type ViewerModule = ComponentType<CamundaFormProps>;

let loaded: ViewerModule | undefined;

export function loadViewer(): Promise<{ default: ViewerModule }> {
  return import('./camunda-form-viewer').then((module) => {
    loaded = module.CamundaFormViewer;
    return { default: module.CamundaFormViewer };
  });
}

/**
 * The viewer once its chunk is in. Rendered directly from then on: even an
 * already-loaded `React.lazy` suspends on its first render, and a fallback
 * that shows holds the form back (React reveals the content no sooner than
 * 300 ms after its fallback appeared).
 */
export function loadedViewer(): ViewerModule | undefined {
  return loaded;
}

/**
 * Starts loading form-js while the form's data is still on its way, so the
 * two arrive side by side. A failure is left to the render, which offers a
 * retry.
 */
export function preloadCamundaForm(): void {
  if (!loaded) loadViewer().catch(() => undefined);
}
