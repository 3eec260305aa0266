import { loadProcesses, type LoadReport } from '../engine/load-processes';
import type { ProcessDefinitionRecord } from '../store/records';
import type { TasklistStore } from '../store/tasklist-store';

/** Log lines the loader or engine wrote, for assertions. */
export interface CapturedLog {
  level: 'info' | 'warn' | 'error';
  details: Record<string, unknown>;
  message: string;
}

export function captureLog() {
  const lines: CapturedLog[] = [];
  const at =
    (level: CapturedLog['level']) =>
    (details: Record<string, unknown>, message: string) => {
      lines.push({ level, details, message });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Wraps process elements in a Modeler-style document with the BPMN and Zeebe
 * namespaces, so fixtures only spell out what they test.
 */
export function bpmnDocument(
  processBody: string,
  { id = 'test-process', name = 'Test process', extra = '' } = {},
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_test" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
${processBody}
  </bpmn:process>${extra}
</bpmn:definitions>
`;
}

/** Loads BPMN (and `.form`) texts as one folder would be. */
export async function loadTexts(
  store: TasklistStore,
  bpmn: Record<string, string>,
  forms: Record<string, unknown> = {},
  log = captureLog(),
): Promise<LoadReport & { log: CapturedLog[] }> {
  const report = await loadProcesses(
    store,
    [
      {
        bpmn: Object.entries(bpmn).map(([file, text]) => ({ file, text })),
        forms: Object.entries(forms).map(([file, schema]) => ({
          file,
          text: typeof schema === 'string' ? schema : JSON.stringify(schema),
        })),
      },
    ],
    log,
  );
  return { ...report, log: log.lines };
}

/** Loads one BPMN text and returns its (only) deployed definition. */
export async function deployOne(
  store: TasklistStore,
  xml: string,
  forms: Record<string, unknown> = {},
): Promise<ProcessDefinitionRecord> {
  const report = await loadTexts(store, { 'test.bpmn': xml }, forms);
  const first = report.deployed[0];
  if (!first)
    throw new Error(
      `fixture refused: ${report.refused.map((p) => p.reason).join('; ')}`,
    );
  return first.definition;
}

export interface LinearTask {
  id: string;
  name?: string;
  /** Zeebe extension elements of the user task, as XML. */
  zeebe?: string;
}

/**
 * A start event, these user tasks in a row, and an end event: the shape
 * most API tests need.
 */
export function linearProcess(
  id: string,
  name: string | undefined,
  tasks: LinearTask[],
  processExtensions = '',
): string {
  const ids = ['start', ...tasks.map((t) => t.id), 'end'];
  const flows = ids
    .slice(1)
    .map(
      (target, i) =>
        `    <bpmn:sequenceFlow id="flow${String(i)}" sourceRef="${ids[i] ?? ''}" targetRef="${target}" />`,
    )
    .join('\n');
  const body = [
    processExtensions
      ? `    <bpmn:extensionElements>${processExtensions}</bpmn:extensionElements>`
      : '',
    '    <bpmn:startEvent id="start" />',
    ...tasks.map(
      (t) =>
        `    <bpmn:userTask id="${t.id}"${t.name ? ` name="${t.name}"` : ''}>${
          t.zeebe
            ? `<bpmn:extensionElements>${t.zeebe}</bpmn:extensionElements>`
            : ''
        }</bpmn:userTask>`,
    ),
    '    <bpmn:endEvent id="end" />',
    flows,
  ].join('\n');
  const document = bpmnDocument(body, { id, name: name ?? '' });
  return name === undefined ? document.replace(' name=""', '') : document;
}

/** A `zeebe:userTaskForm` holding a form-js schema (XML-escaped JSON). */
export function embeddedForm(id: string, schema: unknown): string {
  const json = JSON.stringify(schema)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;');
  return `<zeebe:userTaskForm id="${id}">${json}</zeebe:userTaskForm>`;
}
