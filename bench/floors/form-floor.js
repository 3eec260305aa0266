// The floor of figure 5: form-js alone on a blank page, no app around it.
// Built by bench/browser.ts with Vite into a throw-away folder of dist/.
import { Form } from '@bpmn-io/form-js-viewer';

/** Renders `schema` into `container` and resolves once it is imported. */
globalThis.benchRenderForm = async (container, schema, data) => {
  const form = new Form({ container });
  await form.importSchema(schema, data);
  return form;
};
